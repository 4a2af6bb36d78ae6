import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { claimDueFeeds, getPodcastByFeedUrl } from "@/db/queries/podcast-feeds";
import { episodes, podcasts, transcripts } from "@/db/schema";
import { addShow } from "@/lib/ingest/add-show";
import { formatIngestSummary } from "@/lib/ingest/format-summary";
import { didNothing, runIngest } from "@/lib/ingest/run";
import { type FeedServer, rssFeed, startFeedServer } from "../support/feed-server";

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(async () => {
  await server.close();
});

let path = 0;
afterEach(() => {
  path++;
});
const feedPath = () => `/feed-${path}.xml`;

const threeItems = rssFeed({
  items: [
    { guid: "a", title: "Episode A", date: "Mon, 02 Nov 2026 08:00:00 GMT" },
    { guid: "b", title: "Episode B", date: "Mon, 09 Nov 2026 08:00:00 GMT" },
    { guid: "c", title: "Episode C", date: "Mon, 16 Nov 2026 08:00:00 GMT" },
  ],
});

async function episodeRows(podcastId: string) {
  const db = await getDb();
  return db.select().from(episodes).where(eq(episodes.podcastId, podcastId)).orderBy(episodes.guid);
}

async function podcastRow(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(podcasts).where(eq(podcasts.id, id));
  return row;
}

/** A clock that has moved past every lease and back-off. */
const later = (hours: number) => () => new Date(Date.now() + hours * 3600_000);

describe("runIngest", () => {
  it("stores a new show's episodes and gives the newest ones their text", async () => {
    server.serve(feedPath(), threeItems);
    const show = await addShow({ url: server.url(feedPath()) });

    const summary = await runIngest({ podcastIds: [show.id] });

    expect(summary).toMatchObject({ feedsChecked: 1, newEpisodes: 3, errors: [] });
    const rows = await episodeRows(show.id);
    expect(rows.map((r) => r.title)).toEqual(["Episode A", "Episode B", "Episode C"]);
    expect(rows.every((r) => r.status === "transcribed")).toBe(true);
    const db = await getDb();
    const texts = await db.select().from(transcripts);
    expect(texts.map((t) => t.source)).toEqual(["show_notes", "show_notes", "show_notes"]);
    expect((await podcastRow(show.id))?.title).toBe("Test Feed");
  });

  it("answers a 304 with no writes to episodes", async () => {
    server.serve(feedPath(), threeItems);
    const show = await addShow({ url: server.url(feedPath()) });
    await runIngest({ podcastIds: [show.id] });
    const before = await episodeRows(show.id);

    const summary = await runIngest({ podcastIds: [show.id] });

    expect(summary).toMatchObject({
      feedsChecked: 1,
      notModified: 1,
      newEpisodes: 0,
      updatedEpisodes: 0,
    });
    expect(await episodeRows(show.id)).toEqual(before);
  });

  it("updates changed episodes in place and adds only the new ones", async () => {
    server.serve(feedPath(), threeItems);
    const show = await addShow({ url: server.url(feedPath()) });
    await runIngest({ podcastIds: [show.id] });
    const before = await episodeRows(show.id);

    server.serve(
      feedPath(),
      rssFeed({
        items: [
          { guid: "a", title: "Episode A (remastered)", date: "Mon, 02 Nov 2026 08:00:00 GMT" },
          { guid: "b", title: "Episode B", date: "Mon, 09 Nov 2026 08:00:00 GMT" },
          { guid: "c", title: "Episode C", date: "Mon, 16 Nov 2026 08:00:00 GMT" },
          { guid: "d", title: "Episode D", date: "Mon, 23 Nov 2026 08:00:00 GMT" },
        ],
      }),
    );
    const summary = await runIngest({ podcastIds: [show.id] });

    expect(summary).toMatchObject({ newEpisodes: 1, updatedEpisodes: 1 }); // only A changed
    const after = await episodeRows(show.id);
    expect(after.map((r) => r.title)).toEqual([
      "Episode A (remastered)",
      "Episode B",
      "Episode C",
      "Episode D",
    ]);
    expect(after[0]?.id).toBe(before[0]?.id);
    expect(after[0]?.status).toBe("transcribed");
  });

  it("records a broken feed's error on it and goes on with the others", async () => {
    server.serve(
      feedPath(),
      "<html><body>This is a web page, not a feed</body></html>",
      "text/html",
    );
    const broken = await addShow({ url: server.url(feedPath()) });
    path++;
    server.serve(feedPath(), threeItems);
    const good = await addShow({ url: server.url(feedPath()) });

    const summary = await runIngest({ podcastIds: [broken.id, good.id] });

    expect(summary.feedsChecked).toBe(2);
    expect(summary.newEpisodes).toBe(3);
    expect(summary.errors).toEqual([
      { url: broken.feedUrl, reason: expect.stringMatching(/this is a web page, not a feed/) },
    ]);
    const row = await podcastRow(broken.id);
    expect(row).toMatchObject({
      errorCount: 1,
      lastError: expect.stringMatching(/this is a web page, not a feed/),
    });
    expect(row?.nextCheckAt.getTime()).toBeGreaterThan(Date.now());
  });

  it("backs off exponentially while a feed keeps failing, and resets when it recovers", async () => {
    server.route(feedPath(), (_req, res) => res.writeHead(500).end("boom"));
    const show = await addShow({ url: server.url(feedPath()) });
    await runIngest({ podcastIds: [show.id] });
    const first = await podcastRow(show.id);
    await runIngest({ podcastIds: [show.id], now: later(1) });
    const second = await podcastRow(show.id);

    const gap1 = (first?.nextCheckAt.getTime() ?? 0) - (first?.checkedAt?.getTime() ?? 0);
    const gap2 = (second?.nextCheckAt.getTime() ?? 0) - (second?.checkedAt?.getTime() ?? 0);
    expect(second?.errorCount).toBe(2);
    expect(gap2).toBe(gap1 * 2);

    server.serve(feedPath(), threeItems);
    await runIngest({ podcastIds: [show.id], now: later(3) });
    expect(await podcastRow(show.id)).toMatchObject({ errorCount: 0, lastError: null });
  });

  it("waits as long as a 429's Retry-After asks", async () => {
    server.route(feedPath(), (_req, res) => res.writeHead(429, { "retry-after": "7200" }).end());
    const show = await addShow({ url: server.url(feedPath()) });
    await runIngest({ podcastIds: [show.id] });
    const row = await podcastRow(show.id);
    const wait = (row?.nextCheckAt.getTime() ?? 0) - (row?.checkedAt?.getTime() ?? 0);
    expect(wait).toBe(7200_000);
  });

  it("honours podcast:block: no episodes are stored", async () => {
    server.serve(
      feedPath(),
      rssFeed({
        extraChannel: "<podcast:block>yes</podcast:block>",
        items: [{ guid: "x", title: "Hidden" }],
      }),
    );
    const show = await addShow({ url: server.url(feedPath()) });
    const summary = await runIngest({ podcastIds: [show.id] });
    expect(summary.newEpisodes).toBe(0);
    expect(await episodeRows(show.id)).toEqual([]);
    expect((await podcastRow(show.id))?.blocked).toBe(true);
  });

  it("follows a 301 to the new address for good, and a 302 only this time", async () => {
    server.serve("/moved-here.xml", threeItems);
    server.route(feedPath(), (_req, res) =>
      res.writeHead(301, { location: "/moved-here.xml" }).end(),
    );
    const moved = await addShow({ url: server.url(feedPath()) });
    path++;
    server.route(feedPath(), (_req, res) =>
      res.writeHead(302, { location: "/moved-here.xml" }).end(),
    );
    const visiting = await addShow({ url: server.url(feedPath()) });

    await runIngest({ podcastIds: [moved.id] });
    await runIngest({ podcastIds: [visiting.id] });

    expect((await podcastRow(moved.id))?.feedUrl).toBe(server.url("/moved-here.xml"));
    expect((await podcastRow(visiting.id))?.feedUrl).toBe(visiting.feedUrl);
    expect(await episodeRows(visiting.id)).toHaveLength(3);
  });

  it("adopts itunes:new-feed-url only once the new address parses", async () => {
    server.serve("/broken-new.xml", "not a feed", "text/plain");
    server.serve(
      feedPath(),
      rssFeed({
        extraChannel: `<itunes:new-feed-url>${server.url("/broken-new.xml")}</itunes:new-feed-url>`,
        items: [{ guid: "1", title: "One" }],
      }),
    );
    const stays = await addShow({ url: server.url(feedPath()) });
    path++;
    server.serve("/good-new.xml", threeItems);
    server.serve(
      feedPath(),
      rssFeed({
        extraChannel: `<itunes:new-feed-url>${server.url("/good-new.xml")}</itunes:new-feed-url>`,
        items: [{ guid: "1", title: "One" }],
      }),
    );
    const moves = await addShow({ url: server.url(feedPath()) });

    await runIngest({ podcastIds: [stays.id, moves.id] });

    expect((await podcastRow(stays.id))?.feedUrl).toBe(stays.feedUrl);
    expect((await podcastRow(moves.id))?.feedUrl).toBe(server.url("/good-new.xml"));
  });

  it("fetches the feed's transcript, and chapters, for a new episode", async () => {
    server.serve(
      "/ep1.vtt",
      "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Ada>Write the decision down.\n\n00:00:04.000 --> 00:00:09.000\n<v Bo>Then share it the same day.\n",
      "text/vtt",
    );
    server.serve(
      "/ep1.json",
      JSON.stringify({
        version: "1.2.0",
        chapters: [
          { startTime: 0, title: "Intro" },
          { startTime: 60, title: "Decisions" },
        ],
      }),
      "application/json",
    );
    server.serve(
      feedPath(),
      rssFeed({
        items: [
          {
            guid: "t1",
            title: "With transcript",
            extra: `<podcast:transcript url="${server.url("/ep1.vtt")}" type="text/vtt"/><podcast:chapters url="${server.url("/ep1.json")}" type="application/json+chapters"/>`,
          },
        ],
      }),
    );
    const show = await addShow({ url: server.url(feedPath()) });

    const summary = await runIngest({ podcastIds: [show.id] });

    expect(summary.transcripts).toBe(1);
    const [episode] = await episodeRows(show.id);
    expect(episode).toMatchObject({ status: "transcribed", transcriptType: "vtt" });
    expect(episode?.chapters?.map((c) => c.title)).toEqual(["Intro", "Decisions"]);
    const db = await getDb();
    const [text] = await db
      .select()
      .from(transcripts)
      .where(eq(transcripts.episodeId, episode?.id as string));
    expect(text?.source).toBe("feed");
    expect(text?.segments).toEqual([
      { start: 1, end: 4, speaker: "Ada", text: "Write the decision down." },
      { start: 4, end: 9, speaker: "Bo", text: "Then share it the same day." },
    ]);
  });

  it("decodes a feed by its XML declaration, and records bytes it had to replace", async () => {
    // rssFeed declares UTF-8; these feeds are in windows-1252, served without a charset.
    const feed = (title: string, item: string, declared: string) =>
      Buffer.from(
        rssFeed({ title, items: [{ guid: "g1", title: item }] }).replace(
          'encoding="UTF-8"',
          `encoding="${declared}"`,
        ),
        "latin1",
      );
    server.serve(
      "/latin.xml",
      feed("Caf\xe9 M\xfcller", "Gr\xfc\xdfe", "windows-1252"),
      "application/rss+xml",
    );
    server.serve("/broken.xml", feed("Caf\xe9", "One", "UTF-8"), "application/rss+xml");
    const latinShow = await addShow({ url: server.url("/latin.xml") });
    const brokenShow = await addShow({ url: server.url("/broken.xml") });

    await runIngest({ podcastIds: [latinShow.id, brokenShow.id] });

    expect(await podcastRow(latinShow.id)).toMatchObject({ title: "Café Müller", textIssue: null });
    expect((await episodeRows(latinShow.id)).map((e) => e.title)).toEqual(["Grüße"]);
    const broken = await podcastRow(brokenShow.id);
    expect(broken?.title).toBe("Caf\uFFFD");
    expect(broken?.textIssue).toMatch(/^1 byte was not valid in the feed's encoding/);
  });

  it("reads a transcript's layout from its content, and records when it recognised none", async () => {
    // Served as text/plain, named .txt: the content is what says who spoke when.
    server.serve(
      "/labelled.txt",
      "Jane Doe (00:12:34):\n\nWrite the decision down.\n\n(00:13:10):\n\nThen share it.\n",
      "text/plain",
    );
    server.serve("/plain.txt", "We talked for an hour.\n\nThen we stopped.\n", "text/plain");
    server.serve(
      feedPath(),
      rssFeed({
        items: ["labelled", "plain"].map((name) => ({
          guid: name,
          title: name,
          extra: `<podcast:transcript url="${server.url(`/${name}.txt`)}" type="text/plain"/>`,
        })),
      }),
    );
    const show = await addShow({ url: server.url(feedPath()) });

    await runIngest({ podcastIds: [show.id] });

    const db = await getDb();
    const stored = await db
      .select({ guid: episodes.guid, format: transcripts.format, segments: transcripts.segments })
      .from(transcripts)
      .innerJoin(episodes, eq(episodes.id, transcripts.episodeId))
      .orderBy(episodes.guid);
    expect(stored).toEqual([
      {
        guid: "labelled",
        format: "text/labelled",
        segments: [
          { start: 754, end: null, speaker: "Jane Doe", text: "Write the decision down." },
          { start: 790, end: null, speaker: "Jane Doe", text: "Then share it." },
        ],
      },
      {
        guid: "plain",
        format: "text/paragraphs",
        segments: [
          { start: null, end: null, speaker: null, text: "We talked for an hour." },
          { start: null, end: null, speaker: null, text: "Then we stopped." },
        ],
      },
    ]);
  });

  it("on a show's first check works only on its newest episodes; later new ones are all worked on", async () => {
    const items = Array.from({ length: 6 }, (_, i) => ({
      guid: `e${i}`,
      title: `Episode ${i}`,
      date: new Date(Date.UTC(2026, 9, 1 + i)).toUTCString(),
    }));
    server.serve(feedPath(), rssFeed({ items }));
    const show = await addShow({ url: server.url(feedPath()) });
    await runIngest({ podcastIds: [show.id] });
    const statuses = Object.fromEntries(
      (await episodeRows(show.id)).map((r) => [r.guid, r.status]),
    );
    expect(statuses).toEqual({
      e0: "archived",
      e1: "archived",
      e2: "archived",
      e3: "transcribed",
      e4: "transcribed",
      e5: "transcribed",
    });
  });
});

describe("things a feed gets wrong", () => {
  it("a failed first check does not turn the back catalog into work later", async () => {
    const items = Array.from({ length: 6 }, (_, i) => ({
      guid: `e${i}`,
      title: `Episode ${i}`,
      date: new Date(Date.UTC(2026, 9, 1 + i)).toUTCString(),
    }));
    server.route(feedPath(), (_req, res) => res.writeHead(503).end());
    const show = await addShow({ url: server.url(feedPath()) });
    await runIngest({ podcastIds: [show.id] });
    server.serve(feedPath(), rssFeed({ items }));
    await runIngest({ podcastIds: [show.id], now: later(2) });
    const statuses = (await episodeRows(show.id)).map((r) => r.status);
    expect(statuses.filter((s) => s === "archived")).toHaveLength(3);
  });

  it("a re-check keeps chapters fetched from the chapters file", async () => {
    server.serve(
      "/ch.json",
      JSON.stringify({ version: "1.2.0", chapters: [{ startTime: 0, title: "Intro" }] }),
      "application/json",
    );
    const item = {
      guid: "c1",
      title: "One",
      extra: `<podcast:chapters url="${server.url("/ch.json")}" type="application/json+chapters"/>`,
    };
    server.serve(feedPath(), rssFeed({ items: [item] }));
    const show = await addShow({ url: server.url(feedPath()) });
    await runIngest({ podcastIds: [show.id] });
    server.serve(feedPath(), rssFeed({ items: [{ ...item, title: "One, renamed" }] }));
    await runIngest({ podcastIds: [show.id] });
    const [episode] = await episodeRows(show.id);
    expect(episode?.title).toBe("One, renamed");
    expect(episode?.chapters?.map((c) => c.title)).toEqual(["Intro"]);
  });

  it("an absurd duration and a NUL byte do not sink the feed", async () => {
    server.serve(
      feedPath(),
      rssFeed({
        items: [
          {
            guid: "d1",
            title: "Odd\u0000 one",
            extra: "<itunes:duration>99999999999</itunes:duration>",
          },
        ],
      }),
    );
    const show = await addShow({ url: server.url(feedPath()) });
    const summary = await runIngest({ podcastIds: [show.id] });
    expect(summary.errors).toEqual([]);
    const [episode] = await episodeRows(show.id);
    expect(episode).toMatchObject({ title: "Odd one", durationSeconds: null });
  });

  it("a local path that is not a regular file is refused with a reason, not read", async () => {
    const show = await addShow({ url: "/dev/zero", allowLocalFile: true });
    const summary = await runIngest({ podcastIds: [show.id] });
    expect(summary.errors).toEqual([
      { url: "file:///dev/zero", reason: "/dev/zero is not a regular file" },
    ]);
  });
});

describe("overlapping and interrupted runs", () => {
  it("two runs at once over the same due feeds ingest each episode once", async () => {
    const shows = [];
    for (let i = 0; i < 4; i++) {
      server.serve(`/concurrent-${path}-${i}.xml`, threeItems);
      shows.push(await addShow({ url: server.url(`/concurrent-${path}-${i}.xml`) }));
    }

    const [one, two] = await Promise.all([runIngest(), runIngest()]);

    // Seen once in CI on PostgreSQL as 3 (not reproduced since): the runs' summaries say why.
    const why = JSON.stringify([one, two]);
    expect((one?.feedsChecked ?? 0) + (two?.feedsChecked ?? 0), why).toBe(4);
    expect((one?.newEpisodes ?? 0) + (two?.newEpisodes ?? 0)).toBe(12);
    for (const show of shows) {
      expect(await episodeRows(show.id)).toHaveLength(3);
      expect(server.hits(new URL(show.feedUrl).pathname)).toBe(1);
    }
  });

  it("a run that died holding a lease leaves the feed to the next run once the lease ends", async () => {
    server.serve(feedPath(), threeItems);
    const show = await addShow({ url: server.url(feedPath()) });
    await claimDueFeeds({ now: new Date(), limit: 10, leaseSeconds: 300, ids: [show.id] }); // then "crashes"

    const during = await runIngest({ podcastIds: [show.id] });
    expect(during).toMatchObject({ feedsChecked: 0, busyElsewhere: 1 });
    // Said, and a run that could do nothing is not a success.
    expect(formatIngestSummary(during)).toMatch(/skipped: 1 show another run is checking/);
    expect(didNothing(during)).toBe(true);

    const after = await runIngest({ podcastIds: [show.id], now: later(1) });
    expect(after.newEpisodes).toBe(3);
    const again = await runIngest({ podcastIds: [show.id], now: later(3) });
    expect(again.newEpisodes).toBe(0);
    expect(await episodeRows(show.id)).toHaveLength(3);
  });

  it("a feed stored with an episode that had no notes is a run that did something", async () => {
    server.serve(
      feedPath(),
      rssFeed({
        items: [{ guid: "bare", title: "No notes", notes: "" }],
      }),
    );
    const show = await addShow({ url: server.url(feedPath()) });
    const summary = await runIngest({ podcastIds: [show.id] });
    expect(summary).toMatchObject({
      feedsChecked: 1,
      feedsFailed: 0,
      newEpisodes: 1,
      transcripts: 0,
    });
    expect(summary.errors.length).toBeGreaterThan(0);
    expect(didNothing(summary)).toBe(false);
  });

  it("a show added twice is one show", async () => {
    const first = await addShow({ url: server.url("/same.xml") });
    const second = await addShow({ url: `${server.url("/same.xml")}#fragment` });
    expect(second).toEqual({ ...first, created: false });
    expect(await getPodcastByFeedUrl({ feedUrl: first.feedUrl })).not.toBeNull();
  });
});

describe("hostile feed servers", () => {
  it.each([
    [
      "a 50 MB body",
      (res: import("node:http").ServerResponse) => {
        res.writeHead(200, { "content-type": "application/rss+xml" });
        const chunk = Buffer.alloc(1024 * 1024, "a");
        let sent = 0;
        const pump = () => {
          while (sent < 50 && res.write(chunk)) sent++;
          if (sent < 50) res.once("drain", pump);
          else res.end();
        };
        res.on("close", () => {
          sent = 50;
        });
        pump();
      },
      /larger than 15 MB/,
    ],
    [
      "a server that stalls",
      (res: import("node:http").ServerResponse) => {
        res.writeHead(200, { "content-type": "application/rss+xml" });
        res.write("<rss><channel>");
      },
      /no response within|timed out|took longer/i,
    ],
    [
      "a non-feed content type",
      (res: import("node:http").ServerResponse) => {
        res.writeHead(200, { "content-type": "audio/mpeg" }).end("ID3");
      },
      /audio\/mpeg/,
    ],
  ])("%s is refused and the reason recorded on the feed", async (_case, handler, reason) => {
    server.route(feedPath(), (_req, res) => handler(res));
    const show = await addShow({ url: server.url(feedPath()) });

    const summary = await runIngest({ podcastIds: [show.id] });

    expect(summary.errors).toEqual([{ url: show.feedUrl, reason: expect.stringMatching(reason) }]);
    const row = await podcastRow(show.id);
    expect(row?.lastError).toMatch(reason);
    expect(await episodeRows(show.id)).toEqual([]);
  });
});
