// npm run bench:ingest — how fast is ingest of a large real feed?
// (a) parse the 730-item fixture with our parser and with rss-parser (the yardstick),
// (b) our full ingest of it (read + parse + upsert + bookkeeping) into an in-memory PGlite.
// Goal: full ingest ≤ 3× rss-parser's bare parse.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Parser from "rss-parser";
import { runCli } from "./cli";

const FEED = path.resolve("../shared/fixtures/feeds/giant-bombcast_730-items_large.rss");
const RUNS = 7;

await runCli(async () => {
  if (!existsSync(FEED)) {
    console.info(`bench:ingest skipped: ${FEED} is absent`);
    return;
  }
  const { env } = await import("@/lib/env");
  if (env.DATABASE_URL || !env.PGLITE_DIR.startsWith("memory://")) {
    // The bench deletes every episode between runs: never let it near a real database.
    throw new Error("bench:ingest runs only on an in-memory PGlite (use npm run bench:ingest)");
  }
  const { parsePodcastFeed } = await import("@/lib/ingest/parse-feed");
  const { addShow } = await import("@/lib/ingest/add-show");
  const { checkFeed } = await import("@/lib/ingest/check-feed");
  const { claimDueFeeds } = await import("@/db/queries/podcast-feeds");
  const { getDb } = await import("@/db/client");
  const { episodes, podcasts } = await import("@/db/schema");
  const xml = readFileSync(FEED, "utf8");

  const ours = await median(async () => {
    parsePodcastFeed(xml);
  });
  const yardstick = await median(async () => {
    await new Parser().parseString(xml);
  });

  const db = await getDb();
  const show = await addShow({ url: pathToFileURL(FEED).href, allowLocalFile: true });
  const ingest = await median(
    async () => {
      const [podcast] = await claimDueFeeds({
        now: new Date(),
        limit: 1,
        leaseSeconds: 60,
        ids: [show.id],
      });
      if (!podcast) throw new Error("could not claim the bench feed");
      const outcome = await checkFeed(podcast, new Date());
      if (outcome.newEpisodes !== 730)
        throw new Error(`expected 730 new episodes, got ${outcome.newEpisodes}`);
    },
    async () => {
      await db.delete(episodes);
      await db.update(podcasts).set({ checkedAt: null });
    },
  );

  const ms = (n: number) => `${n.toFixed(1)} ms`;
  console.info(
    `feed: ${path.basename(FEED)} (730 items, ${(xml.length / 1e6).toFixed(1)} MB), median of ${RUNS} runs`,
  );
  console.info(`(a) parse, ours (podcast-partytime + normalize): ${ms(ours)}`);
  console.info(
    `(a) parse, rss-parser:                          ${ms(yardstick)}  (ours/rss-parser = ${(ours / yardstick).toFixed(2)}×)`,
  );
  console.info(
    `(b) full ingest into PGlite:                    ${ms(ingest)}  (ingest/rss-parser = ${(ingest / yardstick).toFixed(2)}×, goal ≤ 3×)`,
  );
});

async function median(run: () => Promise<void>, reset?: () => Promise<void>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS + 1; i++) {
    await reset?.();
    const started = performance.now();
    await run();
    if (i > 0) times.push(performance.now() - started); // the first run warms up
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}
