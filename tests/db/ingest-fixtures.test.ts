import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { claimDueFeeds } from "@/db/queries/podcast-feeds";
import { episodes, podcasts } from "@/db/schema";
import { addShow } from "@/lib/ingest/add-show";
import { checkFeed } from "@/lib/ingest/check-feed";
import { type FeedServer, startFeedServer } from "../support/feed-server";

// Every real feed in ../shared/fixtures/feeds, served from 127.0.0.1 and ingested.
const FEEDS = path.resolve("../shared/fixtures/feeds");
const present = existsSync(FEEDS);
if (!present) console.warn(`skipping real-feed ingest tests: ${FEEDS} is absent`);

const files = present ? readdirSync(FEEDS).sort() : [];
let server: FeedServer;

beforeAll(async () => {
  server = await startFeedServer();
  for (const file of files) server.serve(`/${file}`, readFileSync(path.join(FEEDS, file), "utf8"));
});
afterAll(async () => {
  await server?.close();
});

/** Counted from the raw file, independently of any feed parser. */
function countItems(xml: string) {
  const items = xml.match(/<item[\s>][\s\S]*?<\/item>/g) ?? [];
  const withEnclosure = items.filter((item) =>
    /<enclosure[^>]*\burl\s*=\s*["'][^"']+["']/.test(item),
  ).length;
  return { items: items.length, withEnclosure };
}

describe.runIf(present)("ingesting every real fixture feed", () => {
  it.each(files)("%s: one episode per <item>, with titles, dates and enclosures", async (file) => {
    const xml = readFileSync(path.join(FEEDS, file), "utf8");
    const expected = countItems(xml);
    const show = await addShow({ url: server.url(`/${file}`) });
    const [claimed] = await claimDueFeeds({
      now: new Date(),
      limit: 1,
      leaseSeconds: 60,
      ids: [show.id],
    });

    const outcome = await checkFeed(claimed as NonNullable<typeof claimed>, new Date());

    expect(outcome.error).toBeUndefined();
    expect(outcome.newEpisodes).toBe(expected.items);
    const db = await getDb();
    const rows = await db.select().from(episodes).where(eq(episodes.podcastId, show.id));
    expect(rows).toHaveLength(expected.items);
    expect(rows.filter((r) => r.audioUrl).length).toBe(expected.withEnclosure);
    expect(rows.filter((r) => r.publishedAt).length).toBe(expected.items);
    const titled = rows.filter((r) => r.title.trim() !== "").length;
    expect(titled).toBe(expected.items);
    const [stored] = await db.select().from(podcasts).where(eq(podcasts.id, show.id));
    expect(stored?.title).not.toBe("");
    expect(stored?.lastError).toBeNull();
  });
});
