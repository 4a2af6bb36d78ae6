import type { IncomingMessage } from "node:http";
import { STATUS_CODES } from "node:http";
import {
  type AddressRule,
  checkUrl,
  FetchError,
  type HostLookup,
  isPublicAddress,
} from "./address";
import { decodedBody } from "./decode";
import { header, readCapped, tooLarge } from "./fetch-body";
import { explain, formatSeconds, type RequestSettings, send } from "./fetch-request";

// Fetches feeds, transcripts and chapters from URLs that strangers give us: every hop's address
// is checked, bodies are capped while streaming, and nothing waits forever.

export { FetchError, type FetchErrorCode } from "./address";

export type FetchKind = "feed" | "transcript" | "chapters" | "audio" | "image";

const MB = 1024 * 1024;

export const BODY_LIMITS: Record<FetchKind, number> = {
  feed: 15 * MB,
  transcript: 5 * MB,
  chapters: 1 * MB,
  // The most a speech-to-text API takes in one request (OpenAI's limit).
  audio: 25 * MB,
  // A show's artwork (app/api/artwork): podcast apps ask for 3000 px squares, a few MB at most.
  image: 5 * MB,
};

export type SafeFetchOptions = {
  kind: FetchKind;
  userAgent: string;
  etag?: string | null;
  lastModified?: string | null;
  /** Lifts the address rules (INGEST_ALLOW_PRIVATE_NETWORK): tests and local use only. */
  allowPrivateNetwork?: boolean;
  connectTimeoutMs?: number;
  /** Total time for all hops and the whole body. */
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** Test seam for DNS; production uses dns.lookup with all addresses. */
  lookup?: HostLookup;
  /** Test seam for "the internet"; production allows public addresses only. */
  isAllowedAddress?: AddressRule;
  signal?: AbortSignal;
  /**
   * Waits for a host's turn and resolves with the function that ends it: each hop holds its host's
   * turn until its response is read, and a redirect to another host gives it up before taking the
   * next one. The wait for the first host is not counted in `timeoutMs`.
   */
  takeTurn?: (host: string, signal?: AbortSignal) => Promise<() => void>;
};

export type SafeFetchResult =
  | {
      status: "ok";
      url: string;
      permanentUrl: string | null;
      httpStatus: number;
      /** The body decoded as text (empty for audio). */
      body: string;
      /** Bytes not valid in the document's encoding, replaced by U+FFFD in `body`. */
      replacedCharacters: number;
      bytes: Buffer;
      contentType: string | null;
      etag: string | null;
      lastModified: string | null;
    }
  | { status: "not_modified"; url: string; permanentUrl: string | null };

const ACCEPT: Record<FetchKind, string> = {
  feed: "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5",
  transcript:
    "text/vtt, application/x-subrip, application/srt, application/json, text/html;q=0.8, text/plain;q=0.8, */*;q=0.5",
  chapters: "application/json+chapters, application/json;q=0.9, */*;q=0.5",
  audio: "audio/*, video/mp4;q=0.5, application/octet-stream;q=0.5",
  image: "image/png, image/jpeg, image/webp, image/gif",
};

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

type Hop = { url: URL; permanentUrl: string | null };
type Settings = RequestSettings & { kind: FetchKind; maxBytes: number; maxRedirects: number };

export async function safeFetch(url: string, options: SafeFetchOptions): Promise<SafeFetchResult> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const isAllowedAddress = options.allowPrivateNetwork
    ? () => true
    : (options.isAllowedAddress ?? isPublicAddress);
  const settings: Settings = {
    kind: options.kind,
    headers: requestHeaders(options),
    connectTimeoutMs: options.connectTimeoutMs ?? 5_000,
    maxBytes: options.maxBytes ?? BODY_LIMITS[options.kind],
    maxRedirects: options.maxRedirects ?? 5,
    lookup: options.lookup,
    isAllowedAddress,
  };
  const start = checkUrl(url, { isAllowedAddress });
  const turn = hostTurn(options.takeTurn);
  await turn.enter(start, options.signal);

  const deadline = new AbortController();
  const timer = setTimeout(() => {
    const message = `no response within ${formatSeconds(timeoutMs)}`;
    deadline.abort(new FetchError("timeout", message, { url }));
  }, timeoutMs);
  const signal = options.signal
    ? AbortSignal.any([options.signal, deadline.signal])
    : deadline.signal;
  try {
    return await follow({ url: start, permanentUrl: null }, settings, signal, turn);
  } finally {
    clearTimeout(timer);
    turn.leave();
  }
}

type HostTurn = { enter: (url: URL, signal?: AbortSignal) => Promise<void>; leave: () => void };

/** The one host turn a fetch holds at a time (none without `takeTurn`). */
function hostTurn(takeTurn: SafeFetchOptions["takeTurn"]): HostTurn {
  let held: { host: string; end: () => void } | null = null;
  const leave = () => {
    held?.end();
    held = null;
  };
  return {
    async enter(url, signal) {
      const host = url.hostname.toLowerCase();
      if (!takeTurn || held?.host === host) return;
      // Never two turns at once: two fetches redirected across each other's hosts cannot deadlock.
      leave();
      held = { host, end: await takeTurn(host, signal) };
    },
    leave,
  };
}

/** Seconds to wait from a Retry-After header (delta-seconds or HTTP-date); null if unusable. */
export function parseRetryAfter(
  value: string | null | undefined,
  now: Date = new Date(),
): number | null {
  const text = value?.trim();
  if (!text) return null;
  if (/^\d+$/.test(text)) return Number(text);
  // Date.parse accepts nearly anything ("-5" is a year), so insist on the shape every
  // HTTP-date format shares: a month name and a time of day.
  if (!/[a-z]{3}/i.test(text) || !/\d{2}:\d{2}:\d{2}/.test(text)) return null;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - now.getTime()) / 1000));
}

async function follow(first: Hop, settings: Settings, signal: AbortSignal, turn: HostTurn) {
  let hop = first;
  // The "permanent" location is only what the leading 301/308s say; a temporary hop in between
  // means later hops may change, so we stop recording there.
  let stillPermanent = true;
  for (let redirects = 0; ; redirects++) {
    await turn.enter(hop.url, signal);
    const { request, response } = await send(hop.url, settings, signal);
    try {
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (!REDIRECTS.has(status) || !location) {
        return await finish(hop, response, settings, signal);
      }
      if (redirects >= settings.maxRedirects) {
        throw new FetchError(
          "too_many_redirects",
          `gave up after ${settings.maxRedirects} redirects; the last one pointed to ${location}`,
          { url: hop.url.href, httpStatus: status },
        );
      }
      const next = checkUrl(location, {
        base: hop.url,
        isAllowedAddress: settings.isAllowedAddress,
      });
      stillPermanent &&= status === 301 || status === 308;
      hop = { url: next, permanentUrl: stillPermanent ? next.href : hop.permanentUrl };
    } catch (error) {
      throw explain(error, hop.url, signal);
    } finally {
      // One connection per hop (agent: false), so closing it never cuts off anyone else.
      request.destroy();
    }
  }
}

async function finish(
  hop: Hop,
  response: IncomingMessage,
  settings: Settings,
  signal: AbortSignal,
): Promise<SafeFetchResult> {
  const status = response.statusCode ?? 0;
  const url = hop.url.href;
  if (status === 304) return { status: "not_modified", url, permanentUrl: hop.permanentUrl };
  if (status === 429 || status === 503) {
    const retryAfterSeconds = parseRetryAfter(header(response, "retry-after")) ?? undefined;
    const when = retryAfterSeconds === undefined ? "later" : `in ${retryAfterSeconds} s`;
    throw new FetchError(
      "rate_limited",
      `${hop.url.host} is busy or limiting requests (HTTP ${status}); try again ${when}`,
      {
        httpStatus: status,
        url,
        ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
      },
    );
  }
  if (status < 200 || status >= 300) {
    const reason = STATUS_CODES[status] ?? "an unexpected status";
    throw new FetchError("http_error", `${hop.url.host} answered ${status} ${reason} for ${url}`, {
      httpStatus: status,
      url,
    });
  }

  const contentType = header(response, "content-type");
  assertContentType(settings.kind, contentType, url);
  const declaredLength = Number(header(response, "content-length") ?? Number.NaN);
  if (declaredLength > settings.maxBytes) throw tooLarge(settings.maxBytes, url);

  const bytes = await readCapped(response, settings.maxBytes, signal, url);
  return {
    status: "ok",
    url,
    permanentUrl: hop.permanentUrl,
    httpStatus: status,
    ...(settings.kind === "audio" || settings.kind === "image"
      ? { body: "", replacedCharacters: 0 }
      : decodedBody(bytes, contentType)),
    bytes,
    contentType,
    etag: header(response, "etag"),
    lastModified: header(response, "last-modified"),
  };
}

function assertContentType(kind: FetchKind, contentType: string | null, url: string): void {
  if (contentType === null) return;
  const type = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === "" || isAcceptedType(kind, type)) return;
  const wanted = {
    feed: "a podcast feed",
    transcript: "a transcript",
    chapters: "chapters",
    audio: "audio",
    image: "an image",
  }[kind];
  throw new FetchError(
    "bad_content_type",
    `expected ${wanted} but the server sent ${type} from ${url}`,
    { url },
  );
}

function isAcceptedType(kind: FetchKind, type: string): boolean {
  if (kind === "audio") return /^(audio\/|video\/mp4$|application\/octet-stream$)/.test(type);
  if (kind === "image")
    return /^(image\/(png|jpeg|webp|gif)|application\/octet-stream)$/.test(type);
  if (/^(audio|video|image|font|model)\//.test(type)) return false;
  if (kind === "feed") {
    const wrong = /^application\/(octet-stream|pdf|zip|x-zip-compressed|gzip|x-gzip|json)$/;
    return !wrong.test(type);
  }
  if (type.startsWith("text/") || type === "application/json" || type.endsWith("+json")) {
    return true;
  }
  if (kind === "chapters") return type === "application/json+chapters";
  return /^application\/(x-subrip|srt|x-srt|vtt|ttml\+xml|xml)$/.test(type);
}

function requestHeaders(options: SafeFetchOptions): Record<string, string> {
  const headers: Record<string, string> = {
    "User-Agent": options.userAgent,
    Accept: ACCEPT[options.kind],
    "Accept-Encoding": "gzip, deflate, br",
  };
  if (options.etag) headers["If-None-Match"] = options.etag;
  if (options.lastModified) headers["If-Modified-Since"] = options.lastModified;
  return headers;
}
