import { createHash } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

// A podcast directory for tests on 127.0.0.1: answers Apple's search (/search) and the Podcast
// Index's (/api/1.0/search/byterm, checking its signature) from a list of shows, or fails as told.

export type FakeShow = {
  title: string;
  author: string;
  feedUrl: string;
  artworkUrl?: string;
  episodeCount?: number;
};

export type DirectoryMode = "ok" | "error" | "junk" | "hang";

export type FakeDirectory = {
  url: string;
  setShows: (shows: FakeShow[]) => void;
  setMode: (mode: DirectoryMode) => void;
  /** Searches containing this word get a 500 whatever the mode (for a server started once). */
  setFailingWord: (word: string) => void;
  /** Podcast Index credentials the server accepts; requests signed otherwise get a 401. */
  setCredentials: (key: string, secret: string) => void;
  requests: () => { path: string; query: URLSearchParams; headers: IncomingHttpHeaders }[];
  close: () => Promise<void>;
};

export async function startFakeDirectory({ port = 0 } = {}): Promise<FakeDirectory> {
  let shows: FakeShow[] = [];
  let mode: DirectoryMode = "ok";
  let credentials = { key: "", secret: "" };
  let failingWord = "";
  const seen: ReturnType<FakeDirectory["requests"]> = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://x");
    seen.push({ path: url.pathname, query: url.searchParams, headers: request.headers });
    if (mode === "hang") return; // never answers; the client's timeout has to end it
    const asked = (url.searchParams.get("term") ?? url.searchParams.get("q") ?? "").toLowerCase();
    if (mode === "error" || (failingWord && asked.includes(failingWord)))
      return void response.writeHead(500).end("directory is down");
    const json = (status: number, body: unknown) =>
      response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    if (mode === "junk") return void json(200, { resultCount: "many", results: "nope" });
    const found = shows.filter((s) => `${s.title} ${s.author}`.toLowerCase().includes(asked));
    if (url.pathname === "/search") {
      return void json(200, {
        resultCount: found.length,
        results: found.map((s, i) => ({
          wrapperType: "track",
          kind: "podcast",
          collectionId: 1000 + i,
          collectionName: s.title,
          trackName: s.title,
          artistName: s.author,
          feedUrl: s.feedUrl,
          artworkUrl100: s.artworkUrl,
          artworkUrl600: s.artworkUrl,
          trackCount: s.episodeCount,
        })),
      });
    }
    if (url.pathname === "/api/1.0/search/byterm") {
      const date = String(request.headers["x-auth-date"] ?? "");
      const expected = createHash("sha1")
        .update(credentials.key + credentials.secret + date)
        .digest("hex");
      const signed =
        request.headers["x-auth-key"] === credentials.key &&
        request.headers.authorization === expected &&
        Boolean(request.headers["user-agent"]) &&
        Math.abs(Number(date) - Date.now() / 1000) < 300;
      if (!signed) return void json(401, { status: "false", description: "Authorization failed" });
      return void json(200, {
        status: "true",
        count: found.length,
        feeds: found.map((s, i) => ({
          id: 5000 + i,
          title: s.title,
          author: s.author,
          url: s.feedUrl,
          artwork: s.artworkUrl,
          image: s.artworkUrl,
          episodeCount: s.episodeCount,
        })),
      });
    }
    json(404, { error: "not found" });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    setShows: (list) => {
      shows = list;
    },
    setMode: (next) => {
      mode = next;
    },
    setFailingWord: (word) => {
      failingWord = word.toLowerCase();
    },
    setCredentials: (key, secret) => {
      credentials = { key, secret };
    },
    requests: () => seen,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
