import { readFile, stat } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { env } from "@/lib/env";
import { decodedBody } from "./decode";
import { takeTurn } from "./host-turns";
import {
  BODY_LIMITS,
  FetchError,
  type FetchKind,
  type SafeFetchResult,
  safeFetch,
} from "./safe-fetch";

// Where every ingest download goes through: the safe fetcher with our settings, taking its host's
// turn (one request at a time per host in this process), or, for a feed an operator added from a
// local file with the CLI, that file (file: URLs never come from the web).

export const USER_AGENT = `Podbrief/0.1 (+${env.APP_URL}; podcast insights)`;

export async function fetchDocument(
  url: string,
  kind: FetchKind,
  options: { etag?: string | null; lastModified?: string | null; signal?: AbortSignal } = {},
): Promise<SafeFetchResult> {
  if (url.startsWith("file:")) {
    const path = fileURLToPath(url);
    const info = await stat(path);
    if (!info.isFile()) throw new FetchError("invalid_url", `${path} is not a regular file`);
    if (info.size > BODY_LIMITS[kind])
      throw new FetchError("too_large", `${path} is larger than the limit for a ${kind}`);
    const bytes = await readFile(path);
    return {
      status: "ok",
      url,
      permanentUrl: null,
      httpStatus: 200,
      ...(kind === "audio" ? { body: "", replacedCharacters: 0 } : decodedBody(bytes, null)),
      bytes,
      contentType: null,
      etag: null,
      lastModified: null,
    };
  }
  return safeFetch(url, {
    kind,
    userAgent: USER_AGENT,
    etag: options.etag,
    lastModified: options.lastModified,
    allowPrivateNetwork: env.INGEST_ALLOW_PRIVATE_NETWORK,
    timeoutMs: env.INGEST_TIMEOUT_SECONDS * 1000,
    signal: options.signal,
    takeTurn,
  });
}
