import "server-only";
import { createHash } from "node:crypto";
import { showImageUrl } from "@/db/queries/show-pages";
import { imageType, placeholderSvg } from "@/lib/artwork-image";
import { env } from "@/lib/env";
import { USER_AGENT } from "@/lib/ingest/fetch-document";
import { safeFetch } from "@/lib/ingest/safe-fetch";
import { webUrl } from "@/lib/listen";

// A show's artwork served from our own address (app/api/artwork/[podcastId]): fetched from the
// feed's image address through the safe fetcher (public addresses only, 5 MB, a time limit),
// checked to be an image by its bytes, and kept a while in this process. A reader's browser and a
// brief's mail client never ask the feed's host (no tracking hotlink); a show without artwork, or
// whose artwork cannot be had, gets a drawn initial instead.

export type Artwork = {
  body: Uint8Array;
  contentType: string;
  etag: string;
  /** A drawn placeholder: cached for less time, so real artwork shows once it can be had. */
  placeholder: boolean;
};

const KEEP_MS = 6 * 60 * 60 * 1000;
const MAX_KEPT = 200;
// The server's heap is bounded (320 MB with `npm start`): artwork kept in memory is bounded too.
const MAX_KEPT_BYTES = 24 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 8_000;
const kept = new Map<string, { artwork: Artwork; until: number }>();
// Fetches under way, by show: requests arriving together share one fetch of the feed's host.
const fetching = new Map<string, Promise<Artwork>>();

/** The show's artwork, or null when there is no such show. Kept by the show's stored id, so
 * other spellings of its address (upper case) never fetch from the feed's host again. */
export async function showArtwork(podcastId: string): Promise<Artwork | null> {
  const show = await showImageUrl({ id: podcastId });
  if (!show) return null;
  const hit = kept.get(show.id);
  if (hit && hit.until > Date.now()) return hit.artwork;
  const pending = fetching.get(show.id);
  if (pending) return pending;
  const fetch = fetchAndKeep(show);
  fetching.set(show.id, fetch);
  try {
    return await fetch;
  } finally {
    fetching.delete(show.id);
  }
}

async function fetchAndKeep(show: {
  id: string;
  title: string;
  imageUrl: string | null;
}): Promise<Artwork> {
  const podcastId = show.id;
  const artwork = (await fetched(show.imageUrl)) ?? drawn(show.title);
  kept.delete(podcastId);
  kept.set(podcastId, {
    artwork,
    until: Date.now() + (artwork.placeholder ? KEEP_MS / 12 : KEEP_MS),
  });
  // Oldest first out: a Map keeps insertion order.
  let bytes = 0;
  for (const entry of kept.values()) bytes += entry.artwork.body.byteLength;
  for (const [key, entry] of kept) {
    if (kept.size <= MAX_KEPT && bytes <= MAX_KEPT_BYTES) break;
    kept.delete(key);
    bytes -= entry.artwork.body.byteLength;
  }
  return artwork;
}

async function fetched(imageUrl: string | null): Promise<Artwork | null> {
  const url = webUrl(imageUrl);
  if (!url) return null;
  try {
    const result = await safeFetch(url, {
      kind: "image",
      userAgent: USER_AGENT,
      allowPrivateNetwork: env.INGEST_ALLOW_PRIVATE_NETWORK,
      timeoutMs: Math.min(FETCH_TIMEOUT_MS, env.INGEST_TIMEOUT_SECONDS * 1000),
    });
    if (result.status !== "ok") return null;
    const type = imageType(result.bytes);
    if (!type) return null;
    return {
      body: new Uint8Array(result.bytes),
      contentType: type,
      etag: etagOf(result.bytes),
      placeholder: false,
    };
  } catch (error) {
    console.warn(`podbrief: artwork from ${new URL(url).host} could not be had`, String(error));
    return null;
  }
}

function drawn(title: string): Artwork {
  const svg = Buffer.from(placeholderSvg(title), "utf8");
  return {
    body: new Uint8Array(svg),
    contentType: "image/svg+xml",
    etag: etagOf(svg),
    placeholder: true,
  };
}

const etagOf = (bytes: Uint8Array) =>
  `"${createHash("sha256").update(bytes).digest("base64url").slice(0, 27)}"`;
