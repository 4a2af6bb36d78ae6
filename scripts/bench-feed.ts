// npm run bench:feed — is the personalized feed fast on a realistic catalog?
// Seeds a PostgreSQL bench database once (100k insights, 10k readers; --reseed to redo), then
// for random readers and insights times: ranking a reader's feed and storing it (what happens
// when their taste changes or new insights arrive), showing its first page (feedPage, what every
// visit does), the candidate query alone, and relatedInsights, beside a floor query (the newest
// 20 insights). Goals: feed page p95 ≤ 50 ms and ≤ 5× the floor's p95, related p95 ≤ 20 ms.
// Always exits 0: it is a measurement; misses print as FAIL lines.
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { printVerdicts, stats } from "./bench/report";
import { catalogNow, openBenchCatalog } from "./bench-catalog";
import { runCli } from "./cli";

const WARMUP = 30;
const GOAL = { feedMs: 50, feedTimesFloor: 5, relatedMs: 20 };

const { values: args } = parseArgs({
  options: {
    samples: { type: "string", default: "300" },
    reseed: { type: "boolean", default: false },
  },
});
const SAMPLES = Number(args.samples);

type Probe = { label: string; goal: string; times: number[]; error?: string };
type Probes = Record<"rank" | "feed" | "candidates" | "related" | "floor", Probe>;
type Sizes = { entries: number; candidates: number; related: number };

await runCli(async () => {
  if (!Number.isInteger(SAMPLES) || SAMPLES < 1) throw new Error("--samples must be a count");
  const { db } = await openBenchCatalog({ script: "bench:feed", reseed: args.reseed });
  const { similarityThresholds } = await import("@/lib/insights/similarity");
  const relatedFloor = similarityThresholds().related;
  const probes: Probes = {
    rank: { label: "rank + store feed", goal: "on a change, p95 ≤ 50", times: [] },
    feed: {
      label: "feedPage (first page)",
      goal: `p95 ≤ ${GOAL.feedMs}, ≤ ${GOAL.feedTimesFloor}× floor`,
      times: [],
    },
    candidates: { label: "  feedCandidates alone", goal: "", times: [] },
    related: { label: "relatedInsights (6)", goal: `p95 ≤ ${GOAL.relatedMs}`, times: [] },
    floor: { label: "floor: newest 20", goal: "", times: [] },
  };
  const sizes = await runProbes(db, probes, relatedFloor);
  const avg = (n: number) => (n / SAMPLES).toFixed(1);
  console.info(
    `\n${SAMPLES} samples after ${WARMUP} warm-up; per call: ${avg(sizes.entries)} feed entries, ` +
      `${avg(sizes.candidates)} candidates, ${avg(sizes.related)} related (≥ ${relatedFloor})`,
  );
  printResults(probes);
});

/** Each probe, for random readers and insights: warm-up runs first, then the kept samples. */
async function runProbes(db: Db, probes: Probes, relatedFloor: number): Promise<Sizes> {
  const { rowsOf } = await import("@/db/client");
  const { feedPage, rankAndStoreFeed } = await import("@/lib/feed");
  const { feedCandidates } = await import("@/db/queries/feed-candidates");
  const { FEED_POOL } = await import("@/lib/rank/pool");
  const { relatedInsights } = await import("@/db/queries/insights");
  const { getProfile } = await import("@/db/queries/profiles");
  const runs = WARMUP + SAMPLES;
  const picks = rowsOf<{ reader: string; insight: string }>(
    await db.execute(sql`select r.user_id as reader, i.id as insight
      from (select user_id, row_number() over (order by random()) as n from profiles) r
      join (select id, row_number() over (order by random()) as n from insights) i using (n)
      limit ${runs}`),
  );
  const now = await catalogNow(db);
  const since = new Date(now.getTime() - 14 * 86_400_000); // lib/feed's window
  const sizes: Sizes = { entries: 0, candidates: 0, related: 0 };
  for (let i = 0; i < runs; i++) {
    const { reader: userId, insight: insightId } = picks[i % picks.length] ?? {};
    if (!userId || !insightId) throw new Error("the bench database has no readers or insights");
    const followedTopics = (await getProfile({ userId }))?.followedTopics ?? [];
    const keep = i >= WARMUP;
    await measure(probes.rank, keep, () => rankAndStoreFeed({ userId, followedTopics, now }));
    const page = await measure(probes.feed, keep, () => feedPage({ userId, followedTopics, now }));
    const pool = await measure(probes.candidates, keep, () =>
      feedCandidates({ userId, pool: FEED_POOL, since, asOf: now }),
    );
    const near = await measure(probes.related, keep, () =>
      relatedInsights({ insightId, limit: 6, floor: relatedFloor }),
    );
    await measure(probes.floor, keep, () =>
      db.execute(sql`select id, headline, body, quote, created_at from insights
                     order by created_at desc limit 20`),
    );
    if (!keep) continue;
    sizes.entries += page?.entries.length ?? 0;
    sizes.candidates += pool?.length ?? 0;
    sizes.related += near?.length ?? 0;
  }
  return sizes;
}

function printResults(probes: Probes): void {
  const cells = (values: (number | string)[]) =>
    values.map((v) => (typeof v === "number" ? v.toFixed(1) : v).padStart(9)).join("");
  console.info(`${"ms".padEnd(24)}${cells(["p50", "p95", "max"])}   goal`);
  for (const p of Object.values(probes)) {
    const { p50, p95, max } = stats(p.times);
    const numbers = p.error ? `   threw: ${p.error}` : `${cells([p50, p95, max])}   ${p.goal}`;
    console.info(`${p.label.padEnd(24)}${numbers}`);
  }
  const feed = stats(probes.feed.times).p95;
  const rank = stats(probes.rank.times).p95;
  const related = stats(probes.related.times).p95;
  const ratio = feed / stats(probes.floor.times).p95;
  console.info(`feed p95 ÷ floor p95 = ${ratio.toFixed(1)}×\n`);
  printVerdicts([
    [feed <= GOAL.feedMs, `feed p95 ${feed.toFixed(1)} ms (goal ≤ ${GOAL.feedMs})`],
    [
      ratio <= GOAL.feedTimesFloor,
      `feed ÷ floor ${ratio.toFixed(1)}× (goal ≤ ${GOAL.feedTimesFloor}×)`,
    ],
    [related <= GOAL.relatedMs, `related p95 ${related.toFixed(1)} ms (goal ≤ ${GOAL.relatedMs})`],
    [rank <= GOAL.feedMs, `ranking a feed p95 ${rank.toFixed(1)} ms (goal ≤ ${GOAL.feedMs})`],
  ]);
}

/** Times one call; a call that throws stops that probe and is reported instead of its numbers. */
async function measure<T>(p: Probe, keep: boolean, run: () => Promise<T>): Promise<T | undefined> {
  if (p.error) return undefined;
  const started = performance.now();
  try {
    const value = await run();
    if (keep) p.times.push(performance.now() - started);
    return value;
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    p.error = (cause instanceof Error ? cause.message : String(cause)).split("\n")[0];
    return undefined;
  }
}
