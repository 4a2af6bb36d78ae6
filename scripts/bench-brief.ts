// npm run bench:brief — can one run compose and send 10,000 daily briefs in time?
// On the bench catalog (scripts/bench-catalog.ts) in a database of its own, since the run writes
// briefs: every reader made due, with two weeks of briefs already sent (what "seen" reads), and a
// fake Resend server in a child process. Two runs of lib/brief/run, each from the same start:
//   1. composing sets the pace: the fake's limit lifted and no pacing, on a cold process — its
//      whole time (its fast sends included) bounds the time to compose;
//   2. as in production: compose and send, paced by the process's pacer, to a fake that answers a
//      third call within one second with 429 — the provider calls, the rate limit, the delivery.
// Then each step of composing is timed on a sample of readers, to show where the time goes.
// Goals: composing ≤ 60 s, ≤ 100 provider calls for 10,000 emails, never over 2 calls a second
// (no 429). Always exits 0: misses print as FAIL lines.
import "./server-only-hook";
import { type ChildProcess, fork } from "node:child_process";
import { once } from "node:events";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import type { BriefRunSummary } from "@/lib/brief/run";
import type { Pacer } from "@/lib/brief/send";
import { startFakeResend } from "../tests/support/fake-resend";
import { catalogNow, openBenchCatalog, SIZE } from "./bench-catalog";
import { runCli } from "./cli";

const GOAL = { composeSeconds: 60, calls: 100, perSecond: 2 };
const WINDOW_HOURS = 48; // lib/brief/compose's BRIEF_WINDOW_HOURS
const SIGNATURES_PER_BRIEF = 16; // 3 links for each of 5 items, and unsubscribe
const HISTORY_DAYS = 14;
const HISTORY = "bench-history"; // the batch id that marks the briefs of the seeded history

const { values: args } = parseArgs({
  options: {
    readers: { type: "string", default: String(SIZE.readers) },
    sample: { type: "string", default: "200" },
    reseed: { type: "boolean", default: false },
    "serve-fake": { type: "boolean", default: false },
  },
});
const READERS = Number(args.readers);
// The goals are for 10,000 readers; a smaller --readers run is held to its share of them.
const SHARE = READERS / SIZE.readers;
const SAMPLE = Number(args.sample);

type FakeReport = Record<"emails" | "recipients" | "calls" | "rejected" | "busiest", number>;

if (args["serve-fake"]) {
  await serveFake();
} else {
  await runCli(async () => {
    if (!Number.isInteger(READERS) || READERS < 1) throw new Error("--readers must be a count");
    if (!Number.isInteger(SAMPLE) || SAMPLE < 0) throw new Error("--sample must be a count");
    // The provider is another process, as the real one is elsewhere: parsing and keeping 10,000
    // emails is not counted in this process's time, CPU and garbage collection.
    const child = fork(import.meta.filename, ["--serve-fake"]);
    try {
      const [{ url }] = (await once(child, "message")) as [{ url: string }];
      // lib/env reads the environment once, when first imported: the mail transport must see the
      // fake, the links a fixed secret rather than one written to .data/, and React run as it does
      // in the deployed app (its development build is much slower at rendering).
      // biome-ignore lint/style/noProcessEnv: a bench script sets its own settings before lib/env
      Object.assign(process.env, {
        RESEND_API_KEY: "re_test_key",
        RESEND_BASE_URL: url,
        AUTH_SECRET: "bench-brief-secret-that-signs-only-bench-links",
        NODE_ENV: "production",
      });
      await bench(child);
    } finally {
      child.kill();
    }
  });
}

/** The child process: the fake Resend server, reporting on what it saw since the last report. */
async function serveFake(): Promise<void> {
  const fake = await startFakeResend({ callsPerSecond: GOAL.perSecond });
  process.send?.({ url: fake.url });
  let seen = { emails: 0, calls: 0 };
  process.on("message", (message: { limit?: number | null }) => {
    if (message && typeof message === "object" && "limit" in message) {
      fake.limitTo(message.limit ?? Number.POSITIVE_INFINITY);
      process.send?.("ok");
      return;
    }
    const emails = fake.emails.slice(seen.emails);
    const calls = fake.calls.slice(seen.calls);
    seen = { emails: fake.emails.length, calls: fake.calls.length };
    const report: FakeReport = {
      emails: emails.length,
      recipients: new Set(emails.flatMap((e) => e.to)).size,
      calls: calls.length,
      rejected: calls.filter((c) => c.status === 429).length,
      // As fake.busiestSecond(), over these calls only.
      busiest: Math.max(
        0,
        ...calls.map((c) => calls.filter((d) => d.at - c.at < 1000 && d.at >= c.at).length),
      ),
    };
    process.send?.(report);
  });
  // The parent gone (done, or killed), the server goes too.
  process.on("disconnect", () => process.exit(0));
}

type Timed = {
  summary: BriefRunSummary;
  wall: number;
  /** Time between reports that belongs to composing, to sending, and the pacer's own waits. */
  compose: number;
  send: number;
  paceWait: number;
  /** When the last group was composed, from the start. */
  composedBy: number;
  cpu: number;
};

async function bench(child: ChildProcess): Promise<void> {
  const { db } = await openBenchCatalog({ script: "bench:brief", reseed: args.reseed });
  const { rowsOf } = await import("@/db/client");
  const { QUALITY_BAR } = await import("@/lib/insights/quality");
  const { runBriefs } = await import("@/lib/brief/run");
  const { processPacer } = await import("@/lib/brief/send");
  const now = await catalogNow(db);
  const since = new Date(now.getTime() - WINDOW_HOURS * 3_600_000);

  // Hour 0 in every reader's own zone: all are due at any moment, their zones kept as seeded.
  await db.execute(sql`truncate briefs, brief_items, outbox`);
  await db.execute(sql`update profiles p set brief_hour = 0, brief_enabled = r.n <= ${READERS},
      unsubscribed_at = null, suppressed_at = null, onboarded_at = coalesce(onboarded_at, now())
    from (select user_id, row_number() over (order by user_id) as n from profiles) r
    where r.user_id = p.user_id`);
  // Two weeks of briefs already sent, five insights of the day before each, as a live database
  // has them: what each reader has seen is read from these.
  const at = sql`${now.toISOString()}::timestamptz`;
  await db.execute(sql`
    insert into briefs (user_id, local_date, status, batch_id, sent_at, created_at)
    select p.user_id, (${at} at time zone p.time_zone)::date - d, 'sent', ${HISTORY},
           ${at} - d * interval '1 day', ${at} - d * interval '1 day'
    from profiles p cross join generate_series(1, ${HISTORY_DAYS}) d
    where p.brief_enabled`);
  await db.execute(sql`
    insert into brief_items (brief_id, position, insight_id, kind)
    with pool as (
      select id, day, row_number() over (partition by day order by id)::int as rn
      from (select id, (created_at at time zone 'UTC')::date as day from insights
            where created_at > ${at} - make_interval(days => ${HISTORY_DAYS + 2})) x
    ),
    days as (select day, count(*)::int as n from pool group by day),
    picks as (
      select b.id as brief_id, k, d.day, 1 + floor(random() * d.n)::int as rn
      from briefs b cross join generate_series(0, 4) k
      join days d on d.day = b.local_date - 1
      where b.batch_id = ${HISTORY}
    )
    select picks.brief_id, picks.k, pool.id, 'top' from picks join pool using (day, rn)`);
  // Statistics as autovacuum keeps them on a live database.
  await db.execute(sql`analyze briefs, brief_items`);
  // Back to the start between runs: today's briefs gone, the history kept.
  const restart = async () => {
    await db.execute(sql`delete from briefs where batch_id is distinct from ${HISTORY}`);
    await db.execute(sql`truncate outbox`);
  };
  const [history] = rowsOf<{ briefs: number; items: number }>(
    await db.execute(sql`select count(*)::int as briefs,
        (select count(*)::int from brief_items) as items from briefs`),
  );
  const [pool] = rowsOf<{ all: number; good: number }>(
    await db.execute(sql`select count(*)::int as all,
        count(*) filter (where score >= ${QUALITY_BAR})::int as good
      from insights where created_at > ${since.toISOString()}::timestamptz
                      and created_at <= ${now.toISOString()}::timestamptz`),
  );
  console.info(
    `now = ${now.toISOString()}; ${READERS} readers due; the ${WINDOW_HOURS} h before it hold ` +
      `${pool?.all} insights, ${pool?.good} clearing the quality bar (${QUALITY_BAR}); ` +
      `history: ${history?.briefs} briefs sent with ${history?.items} items\n`,
  );

  // Timed from outside: runBriefs reports progress after composing each claimed group and after
  // sending each batch (which counts a batch), so the time between two reports belongs to one
  // phase or the other. The next group is chosen while a batch is paced and sent, so in the
  // first run composing partly hides in the pacer's waits; the second run has none.
  const timedRun = async (pace: Pacer): Promise<Timed> => {
    const phases = { compose: 0, send: 0, paceWait: 0, composedBy: 0 };
    let batches = 0;
    const cpuAtStart = process.cpuUsage();
    const started = performance.now();
    let mark = started;
    const summary = await runBriefs({
      now,
      budgetMs: 60 * 60_000,
      pace: async (moment) => {
        const t = performance.now();
        await pace(moment);
        phases.paceWait += performance.now() - t;
      },
      onProgress: (s: BriefRunSummary) => {
        const t = performance.now();
        const phase = s.batches > batches ? "send" : "compose";
        phases[phase] += t - mark;
        mark = t;
        batches = s.batches;
        if (phase === "compose") {
          phases.composedBy = t - started;
          if (s.composed % 2000 < 100) {
            console.error(`  ${s.composed} composed after ${((t - started) / 1000).toFixed(0)} s`);
          }
        }
      },
    });
    const wall = performance.now() - started;
    const cpu = process.cpuUsage(cpuAtStart);
    return { summary, wall, cpu: (cpu.user + cpu.system) / 1000, ...phases };
  };

  console.error("run 1: compose, the provider's limit lifted, no pacing");
  await setFakeLimit(child, null);
  const fast = await timedRun(async () => {});
  const fakeFast = await fakeReport(child);

  console.error("run 2: compose again from the same start, and send at the provider's rate limit");
  await restart();
  // Run 1's calls went unpaced: a second later the provider's window has forgotten them.
  await new Promise((resolve) => setTimeout(resolve, 1100));
  await setFakeLimit(child, GOAL.perSecond);
  const real = await timedRun(processPacer(GOAL.perSecond));
  const fake = await fakeReport(child);

  const expected = real.summary.due - real.summary.skipped.length;
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const perReader = (ms: number) =>
    `${(ms / Math.max(1, real.summary.due)).toFixed(1)} ms a reader`;
  const minPaced = (Math.max(0, real.summary.providerCalls - 1) / GOAL.perSecond) * 1000;
  const rows: [string, string][] = [
    ["readers due", String(real.summary.due)],
    ["composed", `${fast.summary.composed} (run 2: ${real.summary.composed})`],
    ["skipped", String(real.summary.skipped.length)],
    ["failed", `${fast.summary.failed.length} (run 2: ${real.summary.failed.length})`],
    ["run 1, composing sets the pace", ""],
    ["  wall time, whole run", `${seconds(fast.wall)}, ${perReader(fast.wall)}`],
    ["    between reports: composing", `${seconds(fast.compose)}, ${perReader(fast.compose)}`],
    ["    between reports: sending", seconds(fast.send)],
    ["  CPU of this process (the rest: postgres)", `${seconds(fast.cpu)}, ${perReader(fast.cpu)}`],
    ["  emails accepted by the fake", `${fakeFast.emails} to ${fakeFast.recipients} readers`],
    ["run 2, at the rate limit", ""],
    [
      "  wall time, whole run",
      `${seconds(real.wall)} (the limit alone needs ${seconds(minPaced)} for these calls)`,
    ],
    ["  all composed after", seconds(real.composedBy)],
    ["  waiting for the rate limit", seconds(real.paceWait)],
    ["  emails accepted by the fake", `${fake.emails} (expected ${expected})`],
    ["  distinct recipients", String(fake.recipients)],
    [
      "  provider calls",
      `${real.summary.providerCalls} run, ${fake.calls} fake; ${real.summary.batches} batches`,
    ],
    ["  429 answers", String(fake.rejected)],
    ["  busiest second", `${fake.busiest} calls`],
  ];
  for (const [label, value] of rows) console.info(`${label.padEnd(44)}${value}`);
  if (real.summary.stopped) console.info(`run 2 stopped early: ${real.summary.stopped}`);
  printReasons("skipped", real.summary.skipped);
  printReasons("failed", [...real.summary.failed, ...fast.summary.failed]);

  if (SAMPLE > 0) await profileSteps(now, since, real.summary.due);

  const composeSeconds = fast.wall / 1000;
  const goalSeconds = GOAL.composeSeconds * SHARE;
  const goalCalls = Math.ceil(GOAL.calls * SHARE);
  const delivered =
    fake.emails === expected && fake.recipients === fake.emails && !real.summary.stopped;
  console.info("");
  for (const [ok, what] of [
    [
      composeSeconds <= goalSeconds && fast.summary.composed === expected,
      `composing ${composeSeconds.toFixed(1)} s, its sends included (goal ≤ ${goalSeconds.toFixed(0)} s)`,
    ],
    [
      fake.calls <= goalCalls && fake.calls === real.summary.providerCalls,
      `${fake.calls} provider calls (goal ≤ ${goalCalls})`,
    ],
    [
      fake.busiest <= GOAL.perSecond && fake.rejected === 0,
      `busiest second ${fake.busiest} calls, ${fake.rejected} 429s (goal ≤ ${GOAL.perSecond}, none)`,
    ],
    [
      delivered,
      `${fake.emails} emails to ${fake.recipients} readers (goal ${expected}, once each)`,
    ],
  ] as const) {
    console.info(`${ok ? "PASS" : "FAIL"}  ${what}`);
  }
}

/** Sets the fake's rate limit (null: none). */
async function setFakeLimit(child: ChildProcess, limit: number | null): Promise<void> {
  child.send({ limit });
  await once(child, "message");
}

async function fakeReport(child: ChildProcess): Promise<FakeReport> {
  child.send("report");
  const [report] = (await once(child, "message")) as [FakeReport];
  return report;
}

/** Counts by reason, the numbers in a reason folded so a few kinds show, not one per reader. */
function printReasons(label: string, list: { reason: string }[]): void {
  if (list.length === 0) return;
  const counts = new Map<string, number>();
  for (const { reason } of list) {
    const kind = reason.replace(/\d+/g, "#");
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  console.info(`${label} by reason:`);
  for (const [kind, n] of [...counts].sort((a, b) => b[1] - a[1])) {
    console.info(`  ${String(n).padStart(6)}  ${kind}`);
  }
}

/**
 * The steps of composing, each timed alone on groups of readers as a run claims them (after the
 * run, so their briefs count as seen): per reader, and for all of them at the rate measured.
 */
async function profileSteps(now: Date, since: Date, due: number): Promise<void> {
  const { getDb, rowsOf } = await import("@/db/client");
  const { briefCandidates, insightFeatures } = await import("@/db/queries/brief-candidates");
  const { resurfaceCandidates } = await import("@/db/queries/brief-history");
  const { insightCardsByIds } = await import("@/db/queries/insights");
  const { QUALITY_BAR } = await import("@/lib/insights/quality");
  const { BRIEF_POOL } = await import("@/lib/rank/pool");
  const { briefCache, chooseBriefs, renderBriefEmail } = await import("@/lib/brief/compose");
  const { signBriefToken } = await import("@/lib/brief/tokens");
  const db = await getDb();
  const sample = rowsOf<{ user_id: string; local_date: string; followed_topics: string[] }>(
    await db.execute(sql`select b.user_id, to_char(b.local_date, 'YYYY-MM-DD') as local_date,
        p.followed_topics
      from briefs b join profiles p using (user_id)
      where b.status = 'sent' and b.batch_id is distinct from ${HISTORY}
      order by random() limit ${SAMPLE}`),
  );
  const steps = new Map<string, number>();
  const time = async <T>(label: string, run: () => Promise<T> | T): Promise<T> => {
    const t = performance.now();
    const value = await run();
    steps.set(label, (steps.get(label) ?? 0) + performance.now() - t);
    return value;
  };
  const GROUP = 100; // lib/brief/run's BATCH_SIZE
  for (let start = 0; start < sample.length; start += GROUP) {
    const readers = sample.slice(start, start + GROUP).map((r) => ({
      userId: r.user_id,
      followedTopics: r.followed_topics ?? [],
      localDate: r.local_date,
    }));
    const signals = await time("  briefCandidates", () =>
      briefCandidates({ readers, since, asOf: now, minQuality: QUALITY_BAR, pool: BRIEF_POOL }),
    );
    const ids = [...new Set([...signals.values()].flatMap((l) => l.map((s) => s.id)))];
    await time("  insightFeatures (nothing cached)", () => insightFeatures({ ids }));
    await time("  resurfaceCandidates", () => resurfaceCandidates({ readers, now }));
    const cache = briefCache();
    const choices = await time("chooseBriefs (all of it)", () =>
      chooseBriefs({ readers, now, cache }),
    );
    const picked = [...choices.values()].flatMap((c) =>
      c.kind === "brief" ? c.picks.map((p) => p.insightId) : [],
    );
    await time("  insightCardsByIds", () => insightCardsByIds({ ids: picked }));
    for (const reader of readers) {
      const choice = choices.get(reader.userId);
      if (choice?.kind !== "brief") continue;
      await time(`  signBriefToken ×${SIGNATURES_PER_BRIEF}`, () => {
        const expiresAt = new Date(now.getTime() + 86_400_000);
        for (let i = 0; i < SIGNATURES_PER_BRIEF; i++) {
          signBriefToken({ userId: reader.userId, action: "save", insightId: null, expiresAt });
        }
      });
      await time("renderBriefEmail (all of it)", () =>
        renderBriefEmail({ ...reader, picks: choice.picks, now, cache }),
      );
    }
  }
  console.info(`\nsteps of composing, ${sample.length} readers in groups of ${GROUP} (ms)`);
  console.info(`${"".padEnd(36)}${"a reader".padStart(10)}   × ${due}`);
  for (const [label, total] of steps) {
    const each = total / Math.max(1, sample.length);
    console.info(
      `${label.padEnd(36)}${each.toFixed(2).padStart(10)}   ${((each * due) / 1000).toFixed(1)} s`,
    );
  }
}
