import type { IncomingMessage } from "node:http";
import { addAbortSignal, pipeline, type Readable } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import { FetchError } from "./address";

// Reading a response's body: decompressed as the server says, capped while it streams.

const MB = 1024 * 1024;

export async function readCapped(
  response: IncomingMessage,
  maxBytes: number,
  signal: AbortSignal,
  url: string,
): Promise<Buffer> {
  const body = addAbortSignal(signal, decompressed(response, url));
  const chunks: Buffer[] = [];
  let total = 0;
  // Decompressed bytes are what cost memory, so they are what the cap counts (zip bombs).
  for await (const chunk of body as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes) {
      body.destroy();
      throw tooLarge(maxBytes, url);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}

function decompressed(response: IncomingMessage, url: string): Readable {
  const encoding = (header(response, "content-encoding") ?? "identity").trim().toLowerCase();
  if (encoding === "identity") return response;
  const decoder =
    encoding === "gzip" || encoding === "x-gzip"
      ? createGunzip()
      : encoding === "deflate"
        ? createInflate()
        : encoding === "br"
          ? createBrotliDecompress()
          : null;
  if (!decoder) {
    throw new FetchError(
      "http_error",
      `the server compressed the response as "${encoding}", which we did not ask for`,
      { url },
    );
  }
  // pipeline destroys both sides on failure, so a broken or aborted source ends the read.
  return pipeline(response, decoder, () => {});
}

export function tooLarge(maxBytes: number, url: string): FetchError {
  return new FetchError("too_large", `the response was larger than ${formatBytes(maxBytes)}`, {
    url,
  });
}

export function header(response: IncomingMessage, name: string): string | null {
  const value = response.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

function formatBytes(bytes: number): string {
  if (bytes >= MB && bytes % MB === 0) return `${bytes / MB} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
}
