import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { addPodcast } from "@/db/queries/podcast-feeds";
import { env } from "@/lib/env";
import { checkUrl, isPublicAddress } from "./address";

// The one way a show gets into the catalog, from the CLI, an OPML import or the web form.
// The show is stored at once and checked by the next ingest run.

export type AddShowResult = { id: string; feedUrl: string; created: boolean };

export async function addShow({
  url,
  allowLocalFile = false,
  details,
}: {
  url: string;
  /** The name, author and artwork read from the feed just now, stored with a new show. */
  details?: { title: string; author: string | null; imageUrl: string | null };
  /** Operators on the CLI may add a feed file from disk; the web never can. */
  allowLocalFile?: boolean;
}): Promise<AddShowResult> {
  const feedUrl =
    allowLocalFile && isLocalPath(url)
      ? url.startsWith("file:")
        ? url
        : pathToFileURL(path.resolve(url)).href
      : normalizeFeedUrl(url);
  const { id, created } = await addPodcast({ feedUrl, details });
  return { id, feedUrl, created };
}

/** Validates a feed URL typed by a person; throws FetchError("invalid_url" | "blocked_address"). */
export function normalizeFeedUrl(raw: string): string {
  const trimmed = raw.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  const url = checkUrl(withScheme, {
    isAllowedAddress: env.INGEST_ALLOW_PRIVATE_NETWORK ? () => true : isPublicAddress,
  });
  url.hash = "";
  return url.href;
}

function isLocalPath(value: string): boolean {
  if (value.startsWith("file:")) return true;
  return !/^[a-z][a-z0-9+.-]*:/i.test(value) && existsSync(value);
}
