import { once } from "node:events";
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPublicAddress } from "@/lib/ingest/address";
import {
  FetchError,
  parseRetryAfter,
  type SafeFetchOptions,
  safeFetch,
} from "@/lib/ingest/safe-fetch";

// "The internet" in these tests is exactly one server on 127.0.0.1, reached as
// feeds.podcast.test; a second loopback server plays the private network it must not reach.

type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

const FEED = '<?xml version="1.0"?><rss version="2.0"><channel><title>Café</title></channel></rss>';
const MB = 1024 * 1024;

const seen: { path: string; headers: IncomingHttpHeaders }[] = [];
const secretHits: string[] = [];
let publicPort = 0;
let secretPort = 0;
let hugeBody: Promise<{ written: number; finished: boolean }> = Promise.resolve({
  written: 0,
  finished: false,
});
const servers: Server[] = [];

const redirect =
  (status: number, location: () => string): Handler =>
  (_req, res) => {
    res.writeHead(status, { Location: location() }).end();
  };

const routes: Record<string, Handler> = {
  "/feed": (req, res) => {
    if (req.headers["if-none-match"] === '"v1"') return void res.writeHead(304).end();
    res.writeHead(200, {
      "Content-Type": "application/rss+xml; charset=utf-8",
      ETag: '"v1"',
      "Last-Modified": "Tue, 03 Jun 2025 10:00:00 GMT",
    });
    res.end(FEED);
  },
  "/gzip": (_req, res) => {
    res.writeHead(200, { "Content-Type": "application/xml", "Content-Encoding": "gzip" });
    res.end(gzipSync(FEED));
  },
  "/br": (_req, res) => {
    res.writeHead(200, { "Content-Type": "text/xml", "Content-Encoding": "br" });
    res.end(brotliCompressSync(FEED));
  },
  "/latin1": (_req, res) => {
    res.writeHead(200, { "Content-Type": "text/xml; charset=ISO-8859-1" });
    res.end(Buffer.from([0x43, 0x61, 0x66, 0xe9])); // "Café" in Latin-1
  },
  "/moved-1": redirect(301, () => "/moved-2"),
  "/moved-2": redirect(308, () => `http://feeds.podcast.test:${publicPort}/feed`),
  "/mixed-1": redirect(301, () => "/mixed-2"),
  "/mixed-2": redirect(302, () => "/feed"),
  "/temporary": redirect(302, () => "feed"),
  "/busy": (_req, res) => {
    res.writeHead(429, { "Retry-After": "120" }).end();
  },
  "/down": (_req, res) => {
    const inTwoMinutes = new Date(Date.now() + 120_000).toUTCString();
    res.writeHead(503, { "Retry-After": inTwoMinutes }).end();
  },
  "/missing": (_req, res) => {
    res.writeHead(404).end("no such feed");
  },
  "/audio": (_req, res) => {
    res.writeHead(200, { "Content-Type": "audio/mpeg" }).end("ID3");
  },
  "/huge": (_req, res) => {
    hugeBody = streamBytes(res, 50 * MB);
  },
  "/declared-huge": (_req, res) => {
    res.writeHead(200, { "Content-Type": "text/xml", "Content-Length": String(2 * MB) });
    res.write("<rss>"); // and then nothing: only the header can end this quickly
  },
  "/stall": (_req, res) => {
    res.writeHead(200, { "Content-Type": "text/xml" });
    res.write("<rss><channel>"); // headers and a first chunk, then silence
  },
  "/escape": redirect(302, () => `http://127.0.0.1:${secretPort}/secret`),
  "/escape-dns": redirect(302, () => `http://internal.podcast.test:${secretPort}/secret`),
};

async function streamBytes(res: ServerResponse, total: number) {
  res.writeHead(200, { "Content-Type": "application/rss+xml" }); // chunked: no Content-Length
  const closed = once(res, "close");
  const chunk = Buffer.alloc(64 * 1024, "a");
  let written = 0;
  while (written < total && !res.destroyed) {
    written += chunk.length;
    if (!res.write(chunk)) await Promise.race([once(res, "drain"), closed]);
  }
  const finished = written >= total;
  if (finished) res.end();
  await closed;
  return { written, finished };
}

async function listen(handler: Handler): Promise<number> {
  const server = createServer((req, res) => void handler(req, res));
  servers.push(server);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return (server.address() as AddressInfo).port;
}

beforeAll(async () => {
  publicPort = await listen((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    seen.push({ path, headers: req.headers });
    const route = routes[path];
    if (route) return route(req, res);
    res.writeHead(418).end();
  });
  secretPort = await listen((req, res) => {
    secretHits.push(req.url ?? "");
    res.end("secret");
  });
});

afterAll(() => {
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
});

const hostsFile: Record<string, string[]> = {
  "feeds.podcast.test": ["127.0.0.1"],
  "internal.podcast.test": ["127.0.0.1"],
};

function internet(extra: Partial<SafeFetchOptions> = {}): SafeFetchOptions {
  return {
    kind: "feed",
    userAgent: "Podbrief/0.1 (+http://localhost:3000)",
    lookup: async (hostname) => hostsFile[hostname] ?? [],
    isAllowedAddress: (ip, port) => port === publicPort || isPublicAddress(ip),
    ...extra,
  };
}

const at = (path: string) => `http://feeds.podcast.test:${publicPort}${path}`;

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  const error = await promise.then(
    () => new Error("expected safeFetch to fail, but it succeeded"),
    (e: unknown) => e,
  );
  if (error instanceof FetchError) return error;
  throw error;
}

describe("safeFetch", () => {
  it("returns the body with its validators and sends our User-Agent and Accept", async () => {
    const result = await safeFetch(at("/feed"), internet());
    expect(result).toEqual({
      status: "ok",
      url: at("/feed"),
      permanentUrl: null,
      httpStatus: 200,
      body: FEED,
      bytes: Buffer.from(FEED),
      contentType: "application/rss+xml; charset=utf-8",
      etag: '"v1"',
      lastModified: "Tue, 03 Jun 2025 10:00:00 GMT",
      replacedCharacters: 0,
    });
    const headers = seen.at(-1)?.headers;
    expect(headers?.["user-agent"]).toBe("Podbrief/0.1 (+http://localhost:3000)");
    expect(headers?.accept).toMatch(/^application\/rss\+xml, application\/atom\+xml/);
    expect(headers?.["accept-encoding"]).toBe("gzip, deflate, br");
  });

  it("sends the validators and reports 304 as not_modified", async () => {
    const lastModified = "Tue, 03 Jun 2025 10:00:00 GMT";
    const result = await safeFetch(at("/feed"), internet({ etag: '"v1"', lastModified }));
    expect(result).toEqual({ status: "not_modified", url: at("/feed"), permanentUrl: null });
    expect(seen.at(-1)?.headers).toMatchObject({
      "if-none-match": '"v1"',
      "if-modified-since": lastModified,
    });
  });

  it.each(["/gzip", "/br"])("decodes a %s body", async (path) => {
    const result = await safeFetch(at(path), internet());
    expect(result.status === "ok" && result.body).toBe(FEED);
  });

  it("decodes the charset the server names", async () => {
    const result = await safeFetch(at("/latin1"), internet());
    expect(result.status === "ok" && result.body).toBe("Café");
  });

  it("follows 301 then 308 and records the final URL as permanent", async () => {
    const result = await safeFetch(at("/moved-1"), internet());
    expect(result).toMatchObject({ status: "ok", url: at("/feed"), permanentUrl: at("/feed") });
  });

  it("keeps only the URL after the leading 301 when a 302 follows", async () => {
    const result = await safeFetch(at("/mixed-1"), internet());
    expect(result).toMatchObject({ url: at("/feed"), permanentUrl: at("/mixed-2") });
  });

  it("has no permanent URL after a temporary redirect", async () => {
    const result = await safeFetch(at("/temporary"), internet());
    expect(result).toMatchObject({ url: at("/feed"), permanentUrl: null });
  });

  it("gives up after maxRedirects hops", async () => {
    const loop = (n: number): Handler => redirect(302, () => `/loop-${n + 1}`);
    for (let n = 0; n <= 6; n++) routes[`/loop-${n}`] = loop(n);
    const error = await failure(safeFetch(at("/loop-0"), internet()));
    expect(error.code).toBe("too_many_redirects");
    expect(seen.filter((s) => s.path.startsWith("/loop-")).map((s) => s.path)).toEqual([
      "/loop-0",
      "/loop-1",
      "/loop-2",
      "/loop-3",
      "/loop-4",
      "/loop-5",
    ]);
  });

  it("reports 429 as rate_limited with Retry-After seconds", async () => {
    const error = await failure(safeFetch(at("/busy"), internet()));
    expect(error.code).toBe("rate_limited");
    expect(error.details).toMatchObject({ httpStatus: 429, retryAfterSeconds: 120 });
    expect(error.message).toMatch(/try again in 120 s/);
  });

  it("reports 503 with an HTTP-date Retry-After as rate_limited", async () => {
    const error = await failure(safeFetch(at("/down"), internet()));
    expect(error.code).toBe("rate_limited");
    expect(error.details.httpStatus).toBe(503);
    expect(error.details.retryAfterSeconds).toBeGreaterThanOrEqual(115);
    expect(error.details.retryAfterSeconds).toBeLessThanOrEqual(120);
  });

  it("reports 404 as http_error", async () => {
    const error = await failure(safeFetch(at("/missing"), internet()));
    expect(error.code).toBe("http_error");
    expect(error.details.httpStatus).toBe(404);
    expect(error.message).toMatch(/404 Not Found/);
  });

  it("aborts a 50 MB body once it passes the cap instead of reading it all", async () => {
    const error = await failure(safeFetch(at("/huge"), internet()));
    expect(error.code).toBe("too_large");
    expect(error.message).toBe("the response was larger than 15 MB");
    const server = await hugeBody;
    expect(server.finished).toBe(false);
    expect(server.written).toBeLessThan(25 * MB);
  });

  it("refuses a declared Content-Length over the cap without waiting for the body", async () => {
    const started = Date.now();
    const error = await failure(safeFetch(at("/declared-huge"), internet({ maxBytes: MB })));
    expect(error.code).toBe("too_large");
    expect(error.message).toBe("the response was larger than 1 MB");
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("times out a body that stalls after the headers", async () => {
    const started = Date.now();
    const error = await failure(safeFetch(at("/stall"), internet({ timeoutMs: 500 })));
    const elapsed = Date.now() - started;
    expect(error.code).toBe("timeout");
    expect(error.message).toBe("no response within 0.5 s");
    expect(elapsed).toBeGreaterThanOrEqual(450);
    expect(elapsed).toBeLessThan(1_500);
  });

  it("times out a connection that never gets going", async () => {
    const stuckDns = () => new Promise<string[]>(() => {});
    const options = internet({ lookup: stuckDns, connectTimeoutMs: 200, timeoutMs: 2_000 });
    const started = Date.now();
    const error = await failure(safeFetch(at("/feed"), options));
    expect(error.code).toBe("timeout");
    expect(error.message).toMatch(/^could not connect to feeds\.podcast\.test:\d+ within 0\.2 s$/);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("refuses audio where a feed was expected", async () => {
    const error = await failure(safeFetch(at("/audio"), internet()));
    expect(error.code).toBe("bad_content_type");
    expect(error.message).toMatch(/expected a podcast feed but the server sent audio\/mpeg/);
  });

  it("returns audio as bytes for speech-to-text, and refuses a web page there", async () => {
    const result = await safeFetch(at("/audio"), internet({ kind: "audio" }));
    expect(result.status === "ok" && result.bytes.toString()).toBe("ID3");
    expect(result.status === "ok" && result.body).toBe("");
    const error = await failure(safeFetch(at("/feed"), internet({ kind: "audio" })));
    expect(error.code).toBe("bad_content_type");
  });

  it("gives a caller's own abort back to the caller", async () => {
    const reason = new Error("shutting down");
    const error = await safeFetch(at("/stall"), internet({ signal: AbortSignal.abort(reason) }))
      .then(() => null)
      .catch((e: unknown) => e);
    expect(error).toBe(reason);
  });

  it("reports a refused connection as a network error", async () => {
    const closedPort = await listen(() => {});
    const server = servers.pop();
    await new Promise((resolve) => server?.close(resolve));
    const options = internet({ isAllowedAddress: () => true });
    const error = await failure(safeFetch(`http://127.0.0.1:${closedPort}/`, options));
    expect(error.code).toBe("network");
    expect(error.message).toMatch(/ECONNREFUSED/);
  });
});

describe("safeFetch address rules", () => {
  it("refuses a public host's redirect to a loopback address before connecting", async () => {
    const error = await failure(safeFetch(at("/escape"), internet()));
    expect(error.code).toBe("blocked_address");
    expect(error.message).toBe("refused: 127.0.0.1 is a loopback address");
    expect(secretHits).toEqual([]);
  });

  it("refuses a redirect to a host name that resolves to a loopback address", async () => {
    const error = await failure(safeFetch(at("/escape-dns"), internet()));
    expect(error.code).toBe("blocked_address");
    expect(error.message).toBe(
      "refused: internal.podcast.test resolves to 127.0.0.1, a loopback address",
    );
    expect(secretHits).toEqual([]);
  });

  it("refuses a direct loopback URL unless private networks are allowed", async () => {
    const url = `http://127.0.0.1:${publicPort}/feed`;
    const before = seen.length;
    const options = { kind: "feed", userAgent: "Podbrief/test" } as const;
    const error = await failure(safeFetch(url, options));
    expect(error.code).toBe("blocked_address");
    expect(seen.length).toBe(before);

    const allowed = await safeFetch(url, { ...options, allowPrivateNetwork: true });
    expect(allowed.status === "ok" && allowed.body).toBe(FEED);
    expect(seen.length).toBe(before + 1);
  });

  it("refuses a host name that resolves to loopback through the real DNS lookup", async () => {
    const before = seen.length;
    const options = { kind: "feed", userAgent: "Podbrief/test" } as const;
    const error = await failure(safeFetch(`http://localhost:${publicPort}/feed`, options));
    expect(error.code).toBe("blocked_address");
    expect(seen.length).toBe(before);
  });
});

describe("parseRetryAfter", () => {
  const now = new Date("2025-06-03T10:00:00Z");

  it("reads delta-seconds and HTTP-dates", () => {
    expect(parseRetryAfter("120", now)).toBe(120);
    expect(parseRetryAfter("Tue, 03 Jun 2025 10:01:30 GMT", now)).toBe(90);
  });

  it("treats a past date as now and anything else as unusable", () => {
    expect(parseRetryAfter("Tue, 03 Jun 2025 09:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("-5", now)).toBeNull();
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
