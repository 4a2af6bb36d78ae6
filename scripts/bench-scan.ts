// npm run bench:scan — can one process keep a catalog of thousands of shows checked?
// Serves 2,000 feeds from 300 hosts in a child process (scripts/bench-scan-hosts.ts): each host is
// its own loopback address (127.0.1.1, 127.0.1.2, …), so the one-request-at-a-time-per-host rule
// bites as it would on the internet, and the hosts count what they see. A few hosts hold many shows
// (as big podcast hosts do), most hold a few. Every answer waits 150–1500 ms (log-uniform); full
// feeds range from 5 KB to 4 MB (log-normal around 100 KB: most small, a few big) and arrive at
// about 10 MB/s. Every show was checked before: 80 % answer the conditional GET with 304, 15 % have
// a new episode (their earlier episodes are stored first, unmeasured), and 5 % fail: 500, 429 with
// Retry-After, no answer until the fetch timeout, or a web page instead of a feed.
// Then ingest slices (lib/ingest/run, 50 s each, as the cron route runs them) follow one another
// until a slice finds nothing due, in a PostgreSQL database of its own (*bench*, emptied first).
// The new episodes' transcripts (from their show notes) are made in the same slices, as in
// production. Goal: ≥ 20,000 feed checks an hour on this machine, never two requests at once on one
// host. Always exits 0: it is a measurement; misses print as FAIL lines.
import { type ChildProcess, fork } from "node:child_process";
import { once } from "node:events";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import type { FeedOutcome } from "@/lib/ingest/check-feed";
import type { IngestSummary } from "@/lib/ingest/run";
import { ensureDatabase } from "./bench-catalog";
import type { FeedKind, FeedSpec, FromHosts, HostStats, ToHosts } from "./bench-scan-hosts";
import { runCli } from "./cli";

const GOAL_PER_HOUR = 20_000;
const SIZE_BYTES = { min: 5 * 1024, median: 100 * 1024, max: 4 * 1024 * 1024, sigma: 1.3 };
const KINDS: [FeedKind, number][] = [
  ["unchanged", 0.8],
  ["changed", 0.15],
  ["server_error", 0.015],
  ["rate_limited", 0.01],
  ["stalls", 0.015],
  ["not_a_feed", 0.01],
];

const { values: args } = parseArgs({
  options: {
    feeds: { type: "string", default: "2000" },
    hosts: { type: "string", default: "300" },
    concurrency: { type: "string" },
    slice: { type: "string", default: "50" },
  },
});

await runCli(async () => {
  const count = Number(args.feeds);
  const hostCount = Number(args.hosts);
  const sliceMs = Number(args.slice) * 1000;
  if (![count, hostCount, sliceMs].every((n) => Number.isInteger(n) && n > 0)) {
    throw new Error("--feeds, --hosts and --slice must be positive whole numbers");
  }
  if (hostCount > 254 * 254) throw new Error("--hosts: at most 64,516 loopback hosts");
  const { env } = await import("@/lib/env");
  const { FEED_CONCURRENCY } = await import("@/lib/ingest/feed-pool");
  const concurrency = args.concurrency ? Number(args.concurrency) : FEED_CONCURRENCY;
  if (!env.DATABASE_URL) throw new Error("bench:scan needs DATABASE_URL (use npm run bench:scan)");
  if (!env.INGEST_ALLOW_PRIVATE_NETWORK) {
    throw new Error("bench:scan serves its feeds from loopback (use npm run bench:scan)");
  }
  const url = new URL(env.DATABASE_URL);
  const name = decodeURIComponent(url.pathname.slice(1));
  // The bench empties its database: never let it near a real one.
  if (!name.includes("bench")) {
    throw new Error(`bench:scan runs only on a database named *bench* (DATABASE_URL has ${name})`);
  }
  await ensureDatabase(url, name);
  const { getDb, migrateDb, rowsOf } = await import("@/db/client");
  await migrateDb();
  const db = await getDb();
  await db.execute(sql`truncate podcasts restart identity cascade`);

  const random = seeded(20_261_123);
  const feeds: FeedSpec[] = Array.from({ length: count }, () => ({
    // u^1.5 leans towards the first hosts: the biggest holds ~2 % of the shows, the median a few.
    host: Math.min(hostCount - 1, Math.floor(hostCount * random() ** 1.5)),
    bytes: feedSize(random),
    kind: pick(random),
  }));

  const hosts = fork(new URL("./bench-scan-hosts.ts", import.meta.url).pathname);
  try {
    const opened = await ask(hosts, { type: "open", feeds, hosts: hostCount });
    if (opened.type !== "open") throw new Error("the hosts did not open");
    const urls = feeds.map((feed, i) => `${opened.origins[feed.host]}/feeds/${i}.xml`);

    // Checked an hour ago; the shows with a new episode now are read once first (unmeasured, no
    // latency) so they hold their earlier episodes and the measured check finds one new one.
    const records = feeds.map((feed, i) => ({
      url: urls[i],
      etag: feed.kind === "changed" ? null : opened.etags[i],
      n: i,
    }));
    await db.execute(sql`
      insert into podcasts (feed_url, title, etag, checked_at, next_check_at)
      select url, 'Bench show ' || n, etag, now() - interval '1 hour',
             now() - interval '1 hour' + n * interval '1 millisecond'
      from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as r(url text, etag text, n int)`);
    await seedEarlierEpisodes(feeds, urls);
    await db.execute(sql`update episodes set status = 'archived'`);
    await db.execute(sql`update podcasts set next_check_at = now() - interval '1 minute'
      + (substring(feed_url from '/feeds/([0-9]+)[.]xml$')::int) * interval '1 millisecond'`);
    await ask(hosts, { type: "phase", phase: "measure" });

    const { runIngest } = await import("@/lib/ingest/run");
    const faults = new Map<string, number>();
    const tally = (outcome: FeedOutcome) => {
      if (outcome.status !== "failed") return;
      const kind = outcome.fault?.code ?? "not a feed";
      faults.set(kind, (faults.get(kind) ?? 0) + 1);
    };
    const slices: { ms: number; summary: IngestSummary }[] = [];
    const measuredFrom = new Date();
    const cpu = process.cpuUsage();
    const started = performance.now();
    for (;;) {
      const sliceStart = performance.now();
      const summary = await runIngest({
        budgetMs: sliceMs,
        concurrency,
        onProgress: (event) => {
          if (event.stage === "feed") tally(event.outcome);
        },
      });
      const worked = summary.feedsChecked + summary.deferred + summary.transcripts;
      if (worked === 0 && !summary.outOfTime) break; // nothing was due: every feed is done
      slices.push({ ms: performance.now() - sliceStart, summary });
    }
    const wallMs = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const served = await ask(hosts, { type: "stats" });
    if (served.type !== "stats") throw new Error("the hosts sent no stats");

    const [state] = rowsOf<{ checked: number; putOff: number; due: number }>(
      await db.execute(sql`select
        count(*) filter (where checked_at >= ${measuredFrom.toISOString()}::timestamptz)::int as checked,
        count(*) filter (where checked_at < ${measuredFrom.toISOString()}::timestamptz
                           and last_error like 'not checked:%')::int as "putOff",
        count(*) filter (where next_check_at <= now())::int as due
        from podcasts`),
    );
    report({
      feeds,
      hostCount,
      concurrency,
      sliceMs,
      slices,
      wallMs,
      cpuMs: (used.user + used.system) / 1000,
      stats: served.stats,
      faults,
      state: state ?? { checked: 0, putOff: 0, due: 0 },
    });
  } finally {
    hosts.kill();
  }
});

/** The shows with a new episode are read once, as they were before it, without latency. */
async function seedEarlierEpisodes(feeds: FeedSpec[], urls: string[]): Promise<void> {
  const { claimDueFeeds, getPodcastByFeedUrl } = await import("@/db/queries/feeds");
  const { checkFeed } = await import("@/lib/ingest/check-feed");
  const ids: string[] = [];
  for (const [i, feed] of feeds.entries()) {
    const found =
      feed.kind === "changed" ? await getPodcastByFeedUrl({ feedUrl: urls[i] ?? "" }) : null;
    if (found) ids.push(found.id);
  }
  const queue = await claimDueFeeds({ now: new Date(), limit: ids.length, leaseSeconds: 600, ids });
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      for (let podcast = queue.shift(); podcast; podcast = queue.shift()) {
        const outcome = await checkFeed(podcast, new Date());
        if (outcome.error) throw new Error(`seeding ${podcast.feedUrl}: ${outcome.error}`);
      }
    }),
  );
}

function report({
  feeds,
  hostCount,
  concurrency,
  sliceMs,
  slices,
  wallMs,
  cpuMs,
  stats,
  faults,
  state,
}: {
  feeds: FeedSpec[];
  hostCount: number;
  concurrency: number;
  sliceMs: number;
  slices: { ms: number; summary: IngestSummary }[];
  wallMs: number;
  cpuMs: number;
  stats: HostStats;
  faults: Map<string, number>;
  state: { checked: number; putOff: number; due: number };
}): void {
  const perHost = new Map<number, number>();
  for (const feed of feeds) perHost.set(feed.host, (perHost.get(feed.host) ?? 0) + 1);
  const shows = [...perHost.values()].sort((a, b) => a - b);
  const bodies = [...stats.bodies].sort((a, b) => a - b);
  const checks = slices.reduce((n, s) => n + s.summary.feedsChecked, 0);
  const sum = (key: "deferred" | "transcripts" | "newEpisodes") =>
    slices.reduce((n, s) => n + s.summary[key], 0);
  const perMinute = checks / (wallMs / 60_000);
  const perHour = perMinute * 60;
  const slowest = Math.max(0, ...slices.map((s) => s.ms));
  const list = (entries: Iterable<[string, number]>) =>
    [...entries].map(([kind, n]) => `${kind} ${n}`).join(", ") || "none";

  console.info(
    `bench:scan: ${feeds.length} feeds on ${hostCount} loopback hosts (${perHost.size} with shows: ` +
      `median ${at(shows, 0.5)}, most ${at(shows, 1)} shows), ${concurrency} checks at once, ` +
      `${sliceMs / 1000} s slices`,
  );
  const sizes = feeds.map((feed) => feed.bytes).sort((a, b) => a - b);
  console.info(
    `feed sizes: median ${kb(at(sizes, 0.5))}, p95 ${kb(at(sizes, 0.95))}, largest ${kb(at(sizes, 1))}; ` +
      `full feeds sent in the measured pass: ${bodies.length}, median ${kb(at(bodies, 0.5))}, ` +
      `largest ${kb(at(bodies, 1))}`,
  );
  console.info(`host answers: ${list(Object.entries(stats.answers))}`);
  for (const [i, { ms, summary: s }] of slices.entries()) {
    console.info(
      `  slice ${i + 1}: ${(ms / 1000).toFixed(1)} s, ${s.feedsChecked} checked (${s.notModified} not modified, ` +
        `${s.feedsFailed} failed), ${s.deferred} put off, ${s.transcripts} transcripts` +
        `${s.outOfTime ? ", out of time" : ""}`,
    );
  }
  console.info(
    `feeds checked: ${state.checked} of ${feeds.length}; put off because the host asked to wait: ` +
      `${state.putOff}; still due: ${state.due}`,
  );
  console.info(`slices: ${slices.length}, wall time ${(wallMs / 1000).toFixed(1)} s`);
  console.info(
    `feed checks: ${checks} = ${Math.round(perMinute)} per minute, ${Math.round(perHour).toLocaleString("en")} per hour`,
  );
  console.info(
    `CPU per check: ${(cpuMs / Math.max(1, checks)).toFixed(1)} ms (this process: fetch, parse, ` +
      `store, transcripts; not the hosts' process, not PostgreSQL)`,
  );
  console.info(`slowest slice: ${(slowest / 1000).toFixed(1)} s (budget ${sliceMs / 1000} s)`);
  console.info(
    `most requests in flight on one host: ${stats.maxPerHost}; on all hosts at once: ${stats.maxTotal}`,
  );
  console.info(`failed checks by kind: ${list(faults)}`);
  console.info(`new episodes: ${sum("newEpisodes")}, transcripts made: ${sum("transcripts")}\n`);
  for (const [ok, what] of [
    [
      perHour >= GOAL_PER_HOUR,
      `${Math.round(perHour).toLocaleString("en")} feed checks an hour (goal ≥ ${GOAL_PER_HOUR.toLocaleString("en")})`,
    ],
    [stats.maxPerHost <= 1, `at most ${stats.maxPerHost} request at once per host (goal 1)`],
  ] as const) {
    console.info(`${ok ? "PASS" : "FAIL"}  ${what}`);
  }
}

function ask(child: ChildProcess, message: ToHosts): Promise<FromHosts> {
  child.send(message);
  return once(child, "message").then(([reply]) => reply as FromHosts);
}

function feedSize(random: () => number): number {
  // Box–Muller: a normal deviate from two uniform ones.
  const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const bytes = SIZE_BYTES.median * Math.exp(SIZE_BYTES.sigma * normal);
  return Math.round(Math.min(SIZE_BYTES.max, Math.max(SIZE_BYTES.min, bytes)));
}

function pick(random: () => number): FeedKind {
  let r = random();
  for (const [kind, share] of KINDS) {
    if (r < share) return kind;
    r -= share;
  }
  return "unchanged";
}

/** A small seeded generator (mulberry32), so every run serves the same catalog. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function at(sorted: number[], q: number): number {
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? 0;
}

function kb(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.round(bytes / 1024)} KB`;
}
