import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { hitRateLimit } from "@/db/queries/rate-limits";
import { follows, podcasts } from "@/db/schema";
import { importOpmlAction } from "@/lib/actions/opml";
import { type FeedServer, rssFeed, startFeedServer } from "../support/feed-server";
import { givenReader } from "./factories";

// The OPML upload: each show read before it is stored, then followed; what could not be read is
// named with its reason; a broken file changes nothing; the daily add-show quota holds.

let server: FeedServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

function opml(urls: string[]): string {
  const outlines = urls.map((u) => `<outline type="rss" text="x" xmlUrl="${u}"/>`).join("\n");
  return `<?xml version="1.0"?><opml version="2.0"><head><title>Subs</title></head>
<body><outline text="Podcasts">${outlines}</outline></body></opml>`;
}

async function givenFeeds() {
  server = await startFeedServer();
  server.serve("/good.xml", rssFeed({ title: "Good Show", items: [{ guid: "1", title: "One" }] }));
  server.serve("/page.html", "<!doctype html><html><body>Hello</body></html>", "text/html");
  return {
    good: server.url("/good.xml"),
    page: server.url("/page.html"),
    // Nothing listens on port 1.
    unreachable: "http://127.0.0.1:1/feed.xml",
  };
}

async function tables() {
  const db = await getDb();
  return {
    podcasts: await db.select({ feedUrl: podcasts.feedUrl, title: podcasts.title }).from(podcasts),
    follows: await db.select().from(follows),
  };
}

describe("importOpmlAction", () => {
  it("adds and follows the feeds it can read, and names the others with the reason", async () => {
    const reader = await givenReader();
    const { good, page, unreachable } = await givenFeeds();

    const result = await importOpmlAction(reader, { opml: opml([good, page, unreachable]) });

    if (!result.ok) throw new Error(result.error.message);
    expect(result.data.added).toBe(1);
    expect(result.data.failed.map((f) => f.url)).toEqual([page, unreachable]);
    for (const failure of result.data.failed) expect(failure.reason).not.toBe("");
    expect(result.data.message).toMatch(
      new RegExp(`^Added 1 show\\. 2 could not be read: ${page.replace(/[.?]/g, "\\$&")}: .+; `),
    );
    const after = await tables();
    // Only the feed that was read is stored, under the name it gave (not "Untitled" until a check).
    expect(after.podcasts).toEqual([{ feedUrl: good, title: "Good Show" }]);
    expect(after.follows).toHaveLength(1);
    expect(after.follows[0]?.userId).toBe(reader.id);
  });

  it("a file that is not OPML says so and changes nothing", async () => {
    const reader = await givenReader();
    const before = await tables();
    for (const broken of [
      "<html><body>not opml</body></html>",
      "<opml><body><outline xmlUrl=",
      '<!DOCTYPE x [<!ENTITY a "b">]><opml/>',
      "<opml version='2.0'><body></body></opml>",
    ]) {
      const result = await importOpmlAction(reader, { opml: broken });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe("bad_request");
        expect(result.error.message).toMatch(/OPML|file/);
      }
    }
    const huge = await importOpmlAction(reader, { opml: "x".repeat(1_000_001) });
    expect(huge).toMatchObject({ ok: false, error: { message: expect.stringMatching(/1 MB/) } });
    expect(await tables()).toEqual(before);
  });

  it("keeps to the 20 shows a day, and says how many were left out", async () => {
    const reader = await givenReader();
    const { good } = await givenFeeds();
    for (let i = 0; i < 19; i++) {
      await hitRateLimit({ key: `add-show:${reader.id}`, limit: 20, windowSeconds: 86_400 });
    }
    const others = [server?.url("/a.xml"), server?.url("/b.xml")] as string[];

    const result = await importOpmlAction(reader, { opml: opml([good, ...others]) });

    if (!result.ok) throw new Error(result.error.message);
    expect(result.data).toMatchObject({ added: 1, failed: [], overQuota: 2 });
    expect(result.data.message).toMatch(/2 more were not added: you can add up to 20 shows a day/);
    expect(server?.hits("/a.xml")).toBe(0);
  });
});
