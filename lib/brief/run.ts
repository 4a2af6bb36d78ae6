import { randomUUID } from "node:crypto";
import { claimStaleBatches, formBatch } from "@/db/queries/brief-batches";
import {
  claimPendingBriefs,
  closeStaleBriefs,
  createDueBriefs,
  releaseClaims,
} from "@/db/queries/briefs";
import { type BriefCache, briefCache } from "@/lib/brief/compose";
import { type ChosenGroup, type ComposeOutcome, chooseGroup, finishGroup } from "@/lib/brief/group";
import { preview } from "@/lib/brief/preview";
import { type Pacer, pacer, processPacer, sendBatch } from "@/lib/brief/send";
import { mailWarning } from "@/lib/mail/transport";
import { CLAIM_LIMIT, LEASE_SECONDS, MAX_CLAIMS } from "@/lib/work/units";

// One run of the daily brief, from the cron route, the CLI or the embedded scheduler: make the
// briefs that are due, finish batches an earlier run left half-sent, then claim, compose, store
// and send the rest a group of up to 100 at a time (one batch each), within a time budget. The
// database chooses the next group while this process renders and sends the one in hand.

/** No group is claimed ahead this close to the end of the time budget: it might not be used. */
const CLAIM_AHEAD_MARGIN_MS = 5_000;

export type BriefRunSummary = {
  due: number;
  composed: number;
  sent: number;
  skipped: { email: string; reason: string }[];
  failed: { email: string; reason: string }[];
  batches: number;
  providerCalls: number;
  /** Why the run stopped early (a provider quota), if it did. */
  stopped: string | null;
  /** Said when emails only reach the outbox table on a deployment others use. */
  warning: string | null;
  /** --dry-run: what would be sent, nothing stored. */
  preview: { email: string; localDate: string; subject: string | null; reason: string | null }[];
};

export type BriefRunOptions = {
  now?: Date;
  /** The wall clock for leases (tests move it with `now`). */
  clock?: () => Date;
  budgetMs?: number;
  /** Only this reader. */
  email?: string;
  dryRun?: boolean;
  /** Provider calls per second (Resend's default limit is 2). */
  callsPerSecond?: number;
  pace?: Pacer;
  sleep?: (ms: number) => Promise<void>;
  /** Tests only: called after the provider accepted a batch, before it is marked sent. */
  afterAccepted?: (batchId: string) => Promise<void> | void;
  onProgress?: (summary: BriefRunSummary) => void;
};

/** What one run works with, whatever step it is at. */
type Run = {
  now: Date;
  clock: () => Date;
  deadline: number;
  email?: string;
  summary: BriefRunSummary;
  cache: BriefCache;
  send: (batchId: string) => Promise<void>;
  onProgress?: (summary: BriefRunSummary) => void;
};

export async function runBriefs(options: BriefRunOptions = {}): Promise<BriefRunSummary> {
  const now = options.now ?? new Date();
  const summary: BriefRunSummary = {
    due: 0,
    composed: 0,
    sent: 0,
    skipped: [],
    failed: [],
    batches: 0,
    providerCalls: 0,
    stopped: null,
    warning: mailWarning(),
    preview: [],
  };
  if (options.dryRun) return preview(now, options.email, summary);
  const deadline = Date.now() + (options.budgetMs ?? 50_000);
  const clock = options.clock ?? (() => new Date());
  const run: Run = {
    now,
    clock,
    deadline,
    email: options.email,
    summary,
    cache: briefCache(),
    send: sender(options, { now, clock, deadline, summary }),
    onProgress: options.onProgress,
  };
  await closeStaleBriefs({ now, maxClaims: MAX_CLAIMS.brief });
  summary.due = await createDueBriefs({ now, email: options.email });
  // Batches a crashed run left behind go first (all readers' ones: a --user run leaves them).
  const stale = options.email
    ? []
    : await claimStaleBatches({
        leaseAt: clock(),
        leaseSeconds: LEASE_SECONDS.brief,
        limit: CLAIM_LIMIT.staleBatches,
      });
  for (const batchId of stale) {
    if (summary.stopped) return summary;
    await run.send(batchId);
  }
  await sendGroups(run);
  return summary;
}

/** Sends one stored batch, and counts what came of it. */
function sender(
  options: BriefRunOptions,
  { now, clock, deadline, summary }: Pick<Run, "now" | "clock" | "deadline" | "summary">,
): (batchId: string) => Promise<void> {
  const perSecond = options.callsPerSecond ?? 2;
  // An injected sleep (a test's clock) gets a pacer of its own.
  const pace =
    options.pace ?? (options.sleep ? pacer(perSecond, options.sleep) : processPacer(perSecond));
  return async (batchId) => {
    const outcome = await sendBatch({
      batchId,
      now,
      leaseAt: clock,
      pace,
      deadline,
      sleep: options.sleep,
      afterAccepted: options.afterAccepted,
    });
    summary.providerCalls += outcome.calls;
    summary.batches++;
    if (outcome.kind === "sent") summary.sent += outcome.count;
    if (outcome.kind === "failed")
      summary.failed.push({ email: `${outcome.count} emails`, reason: outcome.reason });
    if (outcome.kind === "stop") summary.stopped = outcome.reason;
    options.onProgress?.(summary);
  };
}

/** Claims, composes, stores and sends groups until none is left, the budget ends or a quota. */
async function sendGroups(run: Run): Promise<void> {
  const { summary, clock, deadline } = run;
  const claimNext = async (ahead: boolean): Promise<ChosenGroup> => {
    // Near the end of the budget a run claims nothing ahead: it ends after the group in hand.
    if (ahead && Date.now() > deadline - CLAIM_AHEAD_MARGIN_MS) {
      return { claimed: [], choices: new Map(), outcomes: new Map() };
    }
    const claimed = await claimPendingBriefs({
      now: run.now,
      leaseAt: clock(),
      leaseSeconds: LEASE_SECONDS.brief,
      limit: CLAIM_LIMIT.briefGroup,
      maxClaims: MAX_CLAIMS.brief,
      email: run.email,
    });
    return chooseGroup(claimed, run.now, run.cache);
  };
  let next = claimNext(false);
  try {
    while (!summary.stopped && Date.now() < deadline) {
      const group = await next;
      if (group.claimed.length === 0) break;
      // The next group is claimed and chosen in the database while this one is rendered here.
      next = claimNext(true);
      next.catch(() => {}); // awaited in the next round, or released below
      const ready = tally(summary, group, await finishGroup(group, run.now, run.cache));
      run.onProgress?.(summary);
      const batchId = `${clock().toISOString().slice(0, 10)}-${randomUUID()}`;
      const members = await formBatch({
        briefIds: ready,
        batchId,
        leaseAt: clock(),
        leaseSeconds: LEASE_SECONDS.brief,
      });
      if (members.length > 0) await run.send(batchId);
    }
  } finally {
    // Stopped (a quota, the time budget, an error) with a group claimed ahead: it goes back.
    const ahead = await next.catch(() => null);
    if (ahead && ahead.claimed.length > 0) {
      await releaseClaims(ahead.claimed).catch(() => {});
    }
  }
}

/** Counts a composed group's outcomes; returns the briefs ready to send. */
function tally(summary: BriefRunSummary, group: ChosenGroup, outcomes: ComposeOutcome[]): string[] {
  const ready: string[] = [];
  for (const [i, outcome] of outcomes.entries()) {
    const brief = group.claimed[i];
    if (!brief) continue;
    if (outcome.kind === "ready") ready.push(brief.id);
    if (outcome.kind === "ready" && outcome.composed) summary.composed++;
    if (outcome.kind === "quiet")
      summary.skipped.push({ email: brief.email, reason: outcome.reason });
    if (outcome.kind === "failed")
      summary.failed.push({ email: brief.email, reason: outcome.reason });
  }
  return ready;
}
