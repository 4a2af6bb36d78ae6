// The podcast hosts of npm run bench:scan, in a process of their own so that the bench's CPU figure
// is ingest's alone. Host h is an HTTP server on its own loopback address (127.0.1.1, 127.0.1.2, …:
// all of 127.0.0.0/8 is loopback on Linux), so "one request at a time per host" is per address and
// the servers can count it. Driven by bench-scan.ts over IPC; it never listens beyond loopback.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** How a feed answers in the measured pass (the seeding pass serves every feed's first version). */
export type FeedKind =
  | "unchanged" // 304 to the conditional GET
  | "changed" // a new episode since the last check: 200 with the whole feed
  | "server_error" // 500
  | "rate_limited" // 429 with Retry-After
  | "stalls" // headers never come: the fetcher's timeout ends it
  | "not_a_feed"; // 200 with a web page

export type FeedSpec = { host: number; bytes: number; kind: FeedKind };

export type ToHosts =
  | { type: "open"; feeds: FeedSpec[]; hosts: number }
  | { type: "phase"; phase: "seed" | "measure" }
  | { type: "stats" };

export type HostStats = {
  requests: number;
  answers: Record<string, number>;
  /** The most requests one host had in flight at once, over all hosts. */
  maxPerHost: number;
  /** The most requests in flight at once over all hosts. */
  maxTotal: number;
  /** Sizes of the full feeds sent, in bytes. */
  bodies: number[];
};

export type FromHosts =
  /** Each host's origin, and each feed's ETag as the last check (before the bench) stored it. */
  | { type: "open"; origins: string[]; etags: string[] }
  | { type: "phase" }
  | { type: "stats"; stats: HostStats };

const LATENCY_MS = { min: 150, max: 1500 };
// A feed host's upload as one connection sees it: a 4 MB feed takes about 0.4 s to arrive.
const CHUNK_BYTES = 256 * 1024;
const CHUNK_EVERY_MS = 25;
const RETRY_AFTER_SECONDS = 3600;
// One episode's item with its show notes, about what real feeds carry.
const ITEM_BYTES = 2_200;

function hostAddress(host: number): string {
  return `127.0.${1 + Math.floor(host / 254)}.${1 + (host % 254)}`;
}

let feeds: FeedSpec[] = [];
let phase: "seed" | "measure" = "seed";
const servers: Server[] = [];
const inFlight = new Map<number, number>();
let stats = emptyStats();
const cache = new Map<string, Buffer>();

function emptyStats(): HostStats {
  return { requests: 0, answers: {}, maxPerHost: 0, maxTotal: 0, bodies: [] };
}

function send(message: FromHosts): void {
  process.send?.(message);
}

process.on("message", async (message: ToHosts) => {
  if (message.type === "open") {
    feeds = message.feeds;
    const origins: string[] = [];
    for (let host = 0; host < message.hosts; host++) {
      const server = createServer((request, response) => answer(host, request, response));
      await new Promise<void>((resolve) => server.listen(0, hostAddress(host), resolve));
      const { port } = server.address() as AddressInfo;
      servers.push(server);
      origins.push(`http://${hostAddress(host)}:${port}`);
    }
    send({ type: "open", origins, etags: feeds.map((_, index) => etagOf(index, 1)) });
  } else if (message.type === "phase") {
    phase = message.phase;
    stats = emptyStats();
    send({ type: "phase" });
  } else {
    send({ type: "stats", stats });
  }
});
process.on("disconnect", () => process.exit(0));

function answer(host: number, request: IncomingMessage, response: ServerResponse): void {
  const index = Number(/^\/feeds\/(\d+)\.xml$/.exec(request.url ?? "")?.[1] ?? Number.NaN);
  const feed = feeds[index];
  const busy = (inFlight.get(host) ?? 0) + 1;
  inFlight.set(host, busy);
  stats.requests++;
  stats.maxPerHost = Math.max(stats.maxPerHost, busy);
  stats.maxTotal = Math.max(
    stats.maxTotal,
    [...inFlight.values()].reduce((a, b) => a + b, 0),
  );
  response.once("close", () => inFlight.set(host, (inFlight.get(host) ?? 1) - 1));
  if (!feed || feed.host !== host) {
    response.writeHead(404).end();
    return;
  }
  const latency = phase === "seed" ? 0 : logUniform(LATENCY_MS.min, LATENCY_MS.max);
  setTimeout(() => respond(index, feed, request, response), latency);
}

function respond(
  index: number,
  feed: FeedSpec,
  request: IncomingMessage,
  response: ServerResponse,
): void {
  const kind = phase === "seed" ? "unchanged" : feed.kind;
  const tally = (what: string) => {
    stats.answers[what] = (stats.answers[what] ?? 0) + 1;
  };
  if (kind === "stalls") {
    tally("stalled"); // no answer: the fetcher's timeout ends it
    return;
  }
  if (kind === "server_error") {
    tally("500");
    response.writeHead(500, { "content-type": "text/plain" }).end("internal error");
    return;
  }
  if (kind === "rate_limited") {
    tally("429");
    response.writeHead(429, { "retry-after": String(RETRY_AFTER_SECONDS) }).end();
    return;
  }
  if (kind === "not_a_feed") {
    tally("200 web page");
    response.writeHead(200, { "content-type": "text/html" }).end("<html><body>Moved</body></html>");
    return;
  }
  const version = kind === "changed" ? 2 : 1;
  const etag = etagOf(index, version);
  if (request.headers["if-none-match"] === etag) {
    tally("304");
    response.writeHead(304, { etag }).end();
    return;
  }
  tally("200 feed");
  const body = feedXml(index, feed, version);
  stats.bodies.push(body.length);
  response.writeHead(200, {
    "content-type": "application/rss+xml; charset=utf-8",
    "content-length": body.length,
    etag,
  });
  let sent = 0;
  const pump = () => {
    if (response.destroyed) return;
    const chunk = body.subarray(sent, sent + CHUNK_BYTES);
    sent += chunk.length;
    if (sent >= body.length) response.end(chunk);
    else response.write(chunk, () => setTimeout(pump, CHUNK_EVERY_MS));
  };
  pump();
}

function etagOf(index: number, version: number): string {
  return `"f${index}-v${version}"`;
}

/** A feed of about `feed.bytes`; version 2 has one episode more than version 1. */
function feedXml(index: number, feed: FeedSpec, version: number): Buffer {
  const key = `${index}-${version}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const episodes = Math.max(1, Math.round(feed.bytes / ITEM_BYTES)) - (version === 1 ? 1 : 0);
  const newest = Date.UTC(2026, 10, 23, 8);
  const items: string[] = [];
  for (let k = episodes; k >= 1; k--) {
    const published = new Date(newest - (episodes - k) * 7 * 86_400_000).toUTCString();
    items.push(`<item>
  <guid isPermaLink="false">f${index}-e${k}</guid>
  <title>Show ${index}, episode ${k}: ${words(index * 7919 + k, 6)}</title>
  <pubDate>${published}</pubDate>
  <enclosure url="https://cdn.example.com/f${index}/e${k}.mp3" length="48000000" type="audio/mpeg"/>
  <itunes:duration>3600</itunes:duration>
  <description><![CDATA[<p>${words(index * 104_729 + k, 120)}.</p><p>${words(index * 31 + k, 120)}.</p>]]></description>
</item>`);
  }
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
<channel>
  <title>Bench show ${index}</title>
  <link>https://example.com/shows/${index}</link>
  <description>A show served by npm run bench:scan.</description>
  ${items.join("\n")}
</channel>
</rss>`;
  const body = Buffer.from(xml);
  cache.set(key, body);
  return body;
}

const VOCABULARY =
  "the a we talk about how teams decide what to build next and why most plans fail when nobody writes down the reason market customer price growth habit sleep focus memory research study evidence history language music city energy climate startup product design engineer interview guest story question answer practice".split(
    " ",
  );

function words(seed: number, count: number): string {
  let state = seed >>> 0;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    out.push(VOCABULARY[state % VOCABULARY.length] ?? "");
  }
  return out.join(" ");
}

function logUniform(min: number, max: number): number {
  return Math.exp(Math.log(min) + Math.random() * (Math.log(max) - Math.log(min)));
}
