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
import type { ChildProcess } from "node:child_process";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { BriefRunSummary } from "@/lib/brief/run";
import type { Pacer } from "@/lib/brief/send";
import { makeReadersDue, restartBriefs } from "./bench/brief-history";
import { fakeReport, setFakeLimit, startFakeProvider } from "./bench/brief-provider";
import { profileSteps } from "./bench/brief-steps";
import type { FakeReport } from "./bench/fake-resend-process";
import { printVerdicts } from "./bench/report";
import { catalogNow, openBenchCatalog, SIZE } from "./bench-catalog";
import { runCli } from "./cli";

const GOAL = { composeSeconds: 60, calls: 100, perSecond: 2 };
const WINDOW_HOURS = 48; // a daily brief's window: lib/brief/cadence briefPlan

const { values: args } = parseArgs({
  options: {
    readers: { type: "string", default: String(SIZE.readers) },
    sample: { type: "string", default: "200" },
    reseed: { type: "boolean", default: false },
  },
});
const READERS = Number(args.readers);
// The goals are for 10,000 readers; a smaller --readers run is held to its share of them.
const SHARE = READERS / SIZE.readers;
const SAMPLE = Number(args.sample);

await runCli(async () => {
  if (!Number.isInteger(READERS) || READERS < 1) throw new Error("--readers must be a count");
  if (!Number.isInteger(SAMPLE) || SAMPLE < 0) throw new Error("--sample must be a count");
  // The provider is another process, as the real one is elsewhere.
  const { child, url } = await startFakeProvider(GOAL.perSecond);
  try {
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
  const { processPacer } = await import("@/lib/brief/send");
  const now = await catalogNow(db);
  const since = new Date(now.getTime() - WINDOW_HOURS * 3_600_000);
  await makeReadersDue(db, now, READERS);
  await describeStart(db, now, since);

  console.error("run 1: compose, the provider's limit lifted, no pacing");
  await setFakeLimit(child, null);
  const fast = await timedRun(now, async () => {});
  const fakeFast = await fakeReport(child);

  console.error("run 2: compose again from the same start, and send at the provider's rate limit");
  await restartBriefs(db);
  // Run 1's calls went unpaced: a second later the provider's window has forgotten them.
  await new Promise((resolve) => setTimeout(resolve, 1100));
  await setFakeLimit(child, GOAL.perSecond);
  const real = await timedRun(now, processPacer(GOAL.perSecond));
  const fake = await fakeReport(child);

  printRuns({ fast, fakeFast, real, fake });
  if (SAMPLE > 0) await profileSteps({ now, since, due: real.summary.due, sample: SAMPLE });
  printGoals({ fast, real, fake });
}

/** What the run starts from: the readers due, the insights of the window, the history. */
async function describeStart(db: Db, now: Date, since: Date): Promise<void> {
  const { rowsOf } = await import("@/db/client");
  const { QUALITY_BAR } = await import("@/lib/insights/quality");
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
}

/**
 * One run of lib/brief/run, timed from outside: runBriefs reports progress after composing each
 * claimed group and after sending each batch (which counts a batch), so the time between two
 * reports belongs to one phase or the other. The next group is chosen while a batch is paced and
 * sent, so in the first run composing partly hides in the pacer's waits; the second run has none.
 */
async function timedRun(now: Date, pace: Pacer): Promise<Timed> {
  const { runBriefs } = await import("@/lib/brief/run");
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
}

function printRuns({
  fast,
  fakeFast,
  real,
  fake,
}: {
  fast: Timed;
  fakeFast: FakeReport;
  real: Timed;
  fake: FakeReport;
}): void {
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
}

function printGoals({ fast, real, fake }: { fast: Timed; real: Timed; fake: FakeReport }): void {
  const expected = real.summary.due - real.summary.skipped.length;
  const composeSeconds = fast.wall / 1000;
  const goalSeconds = GOAL.composeSeconds * SHARE;
  const goalCalls = Math.ceil(GOAL.calls * SHARE);
  const delivered =
    fake.emails === expected && fake.recipients === fake.emails && !real.summary.stopped;
  console.info("");
  printVerdicts([
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
  ]);
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
