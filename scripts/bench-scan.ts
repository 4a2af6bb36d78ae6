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
import type { Db } from "@/db/client";
import type { FeedOutcome } from "@/lib/ingest/check-feed";
import type { IngestSummary } from "@/lib/ingest/run";
import { benchDatabase } from "./bench/database";
import { benchFeeds } from "./bench/scan-feeds";
import { report, type ScanResult } from "./bench/scan-report";
import type { FeedSpec, FromHosts, ToHosts } from "./bench-scan-hosts";
import { runCli } from "./cli";

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
  await benchDatabase("bench:scan");
  if (!env.INGEST_ALLOW_PRIVATE_NETWORK) {
    throw new Error("bench:scan serves its feeds from loopback (use npm run bench:scan)");
  }
  const { getDb, migrateDb } = await import("@/db/client");
  await migrateDb();
  const db = await getDb();
  await db.execute(sql`truncate podcasts restart identity cascade`);

  const feeds = benchFeeds(count, hostCount);
  const hosts = fork(new URL("./bench-scan-hosts.ts", import.meta.url).pathname);
  try {
    const opened = await ask(hosts, { type: "open", feeds, hosts: hostCount });
    if (opened.type !== "open") throw new Error("the hosts did not open");
    await storeCatalog(db, feeds, opened);
    await ask(hosts, { type: "phase", phase: "measure" });
    const measured = await measureSlices(db, { concurrency, sliceMs });
    const served = await ask(hosts, { type: "stats" });
    if (served.type !== "stats") throw new Error("the hosts sent no stats");
    report({ feeds, hostCount, concurrency, sliceMs, stats: served.stats, ...measured });
  } finally {
    hosts.kill();
  }
});

/**
 * The shows, checked an hour ago; the shows with a new episode now are read once first
 * (unmeasured, no latency) so they hold their earlier episodes and the measured check finds one
 * new one. Then every show is due, in feed order.
 */
async function storeCatalog(
  db: Db,
  feeds: FeedSpec[],
  opened: Extract<FromHosts, { type: "open" }>,
): Promise<void> {
  const urls = feeds.map((feed, i) => `${opened.origins[feed.host]}/feeds/${i}.xml`);
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
}

/** Ingest slices one after another until one finds nothing due, and what they left behind. */
async function measureSlices(
  db: Db,
  { concurrency, sliceMs }: { concurrency: number; sliceMs: number },
): Promise<Pick<ScanResult, "slices" | "wallMs" | "cpuMs" | "faults" | "state">> {
  const { rowsOf } = await import("@/db/client");
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
  const from = measuredFrom.toISOString();
  const [state] = rowsOf<{ checked: number; putOff: number; due: number }>(
    await db.execute(sql`select
      count(*) filter (where checked_at >= ${from}::timestamptz)::int as checked,
      count(*) filter (where checked_at < ${from}::timestamptz
                         and last_error like 'not checked:%')::int as "putOff",
      count(*) filter (where next_check_at <= now())::int as due
      from podcasts`),
  );
  return {
    slices,
    wallMs,
    cpuMs: (used.user + used.system) / 1000,
    faults,
    state: state ?? { checked: 0, putOff: 0, due: 0 },
  };
}

/** The shows with a new episode are read once, as they were before it, without latency. */
async function seedEarlierEpisodes(feeds: FeedSpec[], urls: string[]): Promise<void> {
  const { claimDueFeeds, getPodcastByFeedUrl } = await import("@/db/queries/podcast-feeds");
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

function ask(child: ChildProcess, message: ToHosts): Promise<FromHosts> {
  child.send(message);
  return once(child, "message").then(([reply]) => reply as FromHosts);
}
