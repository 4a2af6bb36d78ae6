// npm run bench:brief — can one run compose and send 10,000 daily briefs in time?
// On the bench catalog (scripts/bench-catalog.ts) in a database of its own, since the run writes
// briefs: every reader made due, the briefs tables emptied, the fake Resend server with its
// 2-calls-a-second limit, then runBriefs is timed, composing (claim, choose, render, store) apart
// from sending. Then the same briefs are sent again, already composed, so the rate limit alone
// sets the pace, and each step of composing is timed for a sample of readers, to show where the
// time goes. Goals: composing ≤ 60 s, ≤ 100 provider calls for 10,000 emails, never over 2 calls
// a second (no 429). Always exits 0: misses print as FAIL lines.
import "./server-only-hook";
import { type ChildProcess, fork } from "node:child_process";
import { once } from "node:events";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import type { BriefRunSummary } from "@/lib/brief/run";
import { startFakeResend } from "../tests/support/fake-resend";
import { catalogNow, openBenchCatalog, SIZE } from "./bench-catalog";
import { runCli } from "./cli";

const GOAL = { composeSeconds: 60, calls: 100, perSecond: 2 };
const WINDOW_HOURS = 48; // lib/brief/compose's BRIEF_WINDOW_HOURS
const SIGNATURES_PER_BRIEF = 16; // 3 links for each of 5 items, and unsubscribe

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
  process.on("message", () => {
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

async function bench(child: ChildProcess): Promise<void> {
  const { db } = await openBenchCatalog({ script: "bench:brief", reseed: args.reseed });
  const { rowsOf } = await import("@/db/client");
  const { QUALITY_BAR } = await import("@/lib/insights/quality");
  const { runBriefs } = await import("@/lib/brief/run");
  const { pacer } = await import("@/lib/brief/send");
  const now = await catalogNow(db);
  const since = new Date(now.getTime() - WINDOW_HOURS * 3_600_000);

  // Hour 0 in every reader's own zone: all are due at any moment, their zones kept as seeded.
  await db.execute(sql`truncate briefs, brief_items, outbox`);
  await db.execute(sql`update profiles p set brief_hour = 0, brief_enabled = r.n <= ${READERS},
      unsubscribed_at = null, suppressed_at = null, onboarded_at = coalesce(onboarded_at, now())
    from (select user_id, row_number() over (order by user_id) as n from profiles) r
    where r.user_id = p.user_id`);
  const [pool] = rowsOf<{ all: number; good: number }>(
    await db.execute(sql`select count(*)::int as all,
        count(*) filter (where score >= ${QUALITY_BAR})::int as good
      from insights where created_at > ${since.toISOString()}::timestamptz
                      and created_at <= ${now.toISOString()}::timestamptz`),
  );
  console.info(
    `now = ${now.toISOString()}; ${READERS} readers due; the ${WINDOW_HOURS} h before it hold ` +
      `${pool?.all} insights, ${pool?.good} clearing the quality bar (${QUALITY_BAR})\n`,
  );

  // Outside timing of runBriefs: it reports progress after composing each claimed group of
  // briefs and after sending each batch (which counts a batch), so the time between two
  // reports belongs to one phase or the other; the pacer's own waits are timed as well.
  const phases = { compose: 0, send: 0, paceWait: 0 };
  const basePace = pacer(GOAL.perSecond);
  let batches = 0;
  const cpuAtStart = process.cpuUsage();
  const started = performance.now();
  let mark = started;
  const summary = await runBriefs({
    now,
    budgetMs: 60 * 60_000,
    callsPerSecond: GOAL.perSecond,
    pace: async (moment) => {
      const t = performance.now();
      await basePace(moment);
      phases.paceWait += performance.now() - t;
    },
    onProgress: (s: BriefRunSummary) => {
      const t = performance.now();
      const phase = s.batches > batches ? "send" : "compose";
      phases[phase] += t - mark;
      mark = t;
      batches = s.batches;
      if (phase === "compose" && s.composed % 1000 < 100) {
        console.error(`  ${s.composed} composed after ${((t - started) / 1000).toFixed(0)} s`);
      }
    },
  });
  const wall = performance.now() - started;
  const cpu = process.cpuUsage(cpuAtStart);
  const fake = await fakeReport(child);

  // The same briefs once more, composed already: back to pending, a second run only batches
  // and sends them, as fast as the pacer lets it.
  await db.execute(sql`update briefs set status = 'pending', batch_id = null, provider_id = null,
      sent_at = null, lease_until = null where status = 'sent'`);
  const resendStarted = performance.now();
  const again = await runBriefs({ now, budgetMs: 60 * 60_000, callsPerSecond: GOAL.perSecond });
  const resendWall = performance.now() - resendStarted;
  const fakeAgain = await fakeReport(child);
  const rejected = fake.rejected + fakeAgain.rejected;
  const busiest = Math.max(fake.busiest, fakeAgain.busiest);
  const expected = summary.due - summary.skipped.length;
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const perReader = (ms: number) => `${(ms / Math.max(1, summary.due)).toFixed(1)} ms a reader`;
  const rows: [string, string][] = [
    ["readers due", String(summary.due)],
    ["composed", String(summary.composed)],
    ["skipped", String(summary.skipped.length)],
    ["failed", String(summary.failed.length)],
    ["wall time, whole run", seconds(wall)],
    [
      "  composing (claim, choose, render, store)",
      `${seconds(phases.compose)}, ${perReader(phases.compose)}`,
    ],
    ["  sending (batch, pace, HTTP, mark sent)", seconds(phases.send)],
    ["    of which waiting for the rate limit", seconds(phases.paceWait)],
    [
      "CPU of this process (the rest is postgres)",
      `${seconds((cpu.user + cpu.system) / 1000)}, ${perReader((cpu.user + cpu.system) / 1000)}`,
    ],
    ["emails accepted by the fake", `${fake.emails} (expected ${expected})`],
    ["  distinct recipients", String(fake.recipients)],
    [
      "provider calls",
      `${summary.providerCalls} run, ${fake.calls} fake; ${summary.batches} batches`,
    ],
    ["429 answers", String(fake.rejected)],
    ["busiest second", `${fake.busiest} calls`],
    ["sending again, composed already", seconds(resendWall)],
    [
      "  emails accepted, provider calls",
      `${fakeAgain.emails} to ${fakeAgain.recipients} readers, ${again.providerCalls} calls`,
    ],
    ["  429 answers, busiest second", `${fakeAgain.rejected}, ${fakeAgain.busiest} calls`],
  ];
  for (const [label, value] of rows) console.info(`${label.padEnd(44)}${value}`);
  if (summary.stopped) console.info(`the run stopped early: ${summary.stopped}`);
  printReasons("skipped", summary.skipped);
  printReasons("failed", summary.failed);

  // Statistics as autovacuum keeps them on a live database (these tables were empty at the start).
  await db.execute(sql`analyze briefs, brief_items`);
  if (SAMPLE > 0) await profileSteps(now, since, summary.due);

  const composeSeconds = phases.compose / 1000;
  const goalSeconds = GOAL.composeSeconds * SHARE;
  const goalCalls = Math.ceil(GOAL.calls * SHARE);
  const delivered = fake.emails === expected && fake.recipients === fake.emails && !summary.stopped;
  console.info("");
  for (const [ok, what] of [
    [
      composeSeconds <= goalSeconds,
      `composing ${composeSeconds.toFixed(1)} s (goal ≤ ${goalSeconds.toFixed(0)} s)`,
    ],
    [
      summary.providerCalls <= goalCalls,
      `${summary.providerCalls} provider calls (goal ≤ ${goalCalls})`,
    ],
    [
      busiest <= GOAL.perSecond && rejected === 0,
      `busiest second ${busiest} calls, ${rejected} 429s, both runs (goal ≤ ${GOAL.perSecond}, none)`,
    ],
    [
      delivered,
      `${fake.emails} emails to ${fake.recipients} readers (goal ${expected}, once each)`,
    ],
  ] as const) {
    console.info(`${ok ? "PASS" : "FAIL"}  ${what}`);
  }
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
 * The steps of composing one brief, each timed alone over a sample of readers (after the run, so
 * their briefs count as seen): their mean times the number of readers is what that step costs a
 * run that composes one reader after another.
 */
async function profileSteps(now: Date, since: Date, due: number): Promise<void> {
  const { getDb, rowsOf } = await import("@/db/client");
  const { getProfile } = await import("@/db/queries/profiles");
  const { feedCandidates } = await import("@/db/queries/feed");
  const { seenInsightIds, resurfaceCandidate } = await import("@/db/queries/brief-history");
  const { insightCardsByIds } = await import("@/db/queries/insights");
  const { chooseBriefItems, renderBriefEmail } = await import("@/lib/brief/compose");
  const { signBriefToken } = await import("@/lib/brief/tokens");
  const db = await getDb();
  const readers = rowsOf<{ user_id: string; local_date: string }>(
    await db.execute(sql`select user_id, to_char(local_date, 'YYYY-MM-DD') as local_date
      from briefs where status = 'sent' order by random() limit ${SAMPLE}`),
  );
  const steps = new Map<string, number[]>();
  const time = async <T>(label: string, run: () => Promise<T> | T): Promise<T> => {
    const t = performance.now();
    const value = await run();
    steps.set(label, [...(steps.get(label) ?? []), performance.now() - t]);
    return value;
  };
  for (const { user_id: userId, local_date: localDate } of readers) {
    const profile = await time("getProfile", () => getProfile({ userId }));
    await time("  feedCandidates (48 h)", () => feedCandidates({ userId, since, asOf: now }));
    await time("  seenInsightIds", () => seenInsightIds({ userId }));
    await time("  resurfaceCandidate", () => resurfaceCandidate({ userId, now }));
    const choice = await time("chooseBriefItems (all of it)", () =>
      chooseBriefItems({ userId, followedTopics: profile?.followedTopics ?? [], now }),
    );
    if (choice.kind === "quiet") continue;
    const ids = choice.picks.map((p) => p.insightId);
    await time("  insightCardsByIds", () => insightCardsByIds({ ids }));
    await time(`  signBriefToken ×${SIGNATURES_PER_BRIEF}`, () => {
      const expiresAt = new Date(now.getTime() + 86_400_000);
      for (let i = 0; i < SIGNATURES_PER_BRIEF; i++) {
        signBriefToken({ userId, action: "save", insightId: ids[0] ?? null, expiresAt });
      }
    });
    await time("renderBriefEmail (all of it)", () =>
      renderBriefEmail({ userId, localDate, picks: choice.picks, now }),
    );
  }
  console.info(`\nsteps of composing, ${readers.length} readers one after another (ms)`);
  console.info(
    `${"".padEnd(32)}${["mean", "p50", "p95"].map((h) => h.padStart(8)).join("")}   × ${due}`,
  );
  for (const [label, times] of steps) {
    const sorted = [...times].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    const cells = [mean, at(0.5), at(0.95)].map((v) => v.toFixed(1).padStart(8)).join("");
    console.info(`${label.padEnd(32)}${cells}   ${((mean * due) / 1000).toFixed(0)} s`);
  }
}
