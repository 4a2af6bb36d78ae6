import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// "Remote" podcast hosts for tests: an HTTP server on 127.0.0.1 whose routes a test sets. Another
// loopback address (127.0.0.2, …: all of 127.0.0.0/8 is loopback on Linux) is another host.

export type Route = (request: IncomingMessage, response: ServerResponse) => void;

export type FeedServer = {
  url: (path: string) => string;
  route: (path: string, handler: Route) => void;
  /** Serves a body with an ETag, answering 304 to a matching If-None-Match. */
  serve: (path: string, body: string | Uint8Array, contentType?: string) => void;
  hits: (path: string) => number;
  /** Requests answered or being answered, over all paths. */
  totalHits: () => number;
  /** The most requests this host had in flight at once. */
  maxInFlight: () => number;
  close: () => Promise<void>;
};

export async function startFeedServer({ host = "127.0.0.1" } = {}): Promise<FeedServer> {
  const routes = new Map<string, Route>();
  const counts = new Map<string, number>();
  let inFlight = 0;
  let maxInFlight = 0;
  let total = 0;
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://x").pathname;
    counts.set(path, (counts.get(path) ?? 0) + 1);
    total++;
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    response.once("close", () => inFlight--);
    const handler = routes.get(path);
    if (!handler) {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://${host}:${port}${path}`,
    route: (path, handler) => routes.set(path, handler),
    serve: (path, body, contentType = "application/rss+xml; charset=utf-8") => {
      const bytes = typeof body === "string" ? Buffer.from(body) : Buffer.from(body);
      const etag = `"${bytes.length}-${hash(bytes.toString("latin1"))}"`;
      routes.set(path, (request, response) => {
        if (request.headers["if-none-match"] === etag) {
          response.writeHead(304, { etag }).end();
          return;
        }
        response.writeHead(200, { "content-type": contentType, etag }).end(bytes);
      });
    },
    hits: (path) => counts.get(path) ?? 0,
    totalHits: () => total,
    maxInFlight: () => maxInFlight,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function hash(text: string): string {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(31, h) + text.charCodeAt(i)) | 0;
  return (h >>> 0).toString(16);
}

/** A small RSS feed for tests, with the items given. */
export function rssFeed({
  title = "Test Feed",
  extraChannel = "",
  items,
}: {
  title?: string;
  extraChannel?: string;
  items: {
    guid: string;
    title: string;
    date?: string;
    extra?: string;
    notes?: string;
    enclosure?: string;
  }[];
}): string {
  const body = items
    .map(
      (item) => `<item>
  <guid>${item.guid}</guid>
  <title>${item.title}</title>
  <pubDate>${item.date ?? "Mon, 23 Nov 2026 08:00:00 GMT"}</pubDate>
  <enclosure url="${item.enclosure ?? `https://cdn.example.com/${item.guid}.mp3`}" length="1000" type="audio/mpeg"/>
  <description><![CDATA[${item.notes ?? `<p>Notes for ${item.title}.</p>`}]]></description>
  ${item.extra ?? ""}
</item>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0">
<channel>
  <title>${title}</title>
  <link>https://example.com/show</link>
  <description>A show for tests.</description>
  ${extraChannel}
  ${body}
</channel>
</rss>`;
}
