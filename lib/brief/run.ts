import { randomUUID } from "node:crypto";
import { dbKind } from "@/db/client";
import {
  type ClaimedBrief,
  claimPendingBriefs,
  claimStaleBatches,
  closeBrief,
  closeStaleBriefs,
  createDueBriefs,
  dueReaders,
  formBatch,
  storeComposedBrief,
} from "@/db/queries/briefs";
import { getProfile } from "@/db/queries/profiles";
import { chooseBriefItems, renderBriefEmail } from "@/lib/brief/compose";
import { type Pacer, pacer, sendBatch } from "@/lib/brief/send";
import { mailWarning } from "@/lib/mail/transport";
import { publicReason } from "@/lib/public-reason";

// One run of the daily brief, from the cron route, the CLI or the embedded scheduler: make the
// briefs that are due, finish batches an earlier run left half-sent, then claim, compose, store
// and send the rest in batches of up to 100, within a time budget.

const BATCH_SIZE = 100;
const LEASE_SECONDS = 300;

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

export async function runBriefs(options: BriefRunOptions = {}): Promise<BriefRunSummary> {
  const now = options.now ?? new Date();
  const deadline = Date.now() + (options.budgetMs ?? 50_000);
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
  const clock = options.clock ?? (() => new Date());
  if (options.dryRun) return preview(now, options.email, summary);
  const pace = options.pace ?? pacer(options.callsPerSecond ?? 2, options.sleep);
  const send = async (batchId: string) => {
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

  await closeStaleBriefs({ now });
  summary.due = await createDueBriefs({ now, email: options.email });
  // Batches a crashed run left behind go first (all readers' ones: a --user run leaves them).
  const stale = options.email
    ? []
    : await claimStaleBatches({ leaseAt: clock(), leaseSeconds: LEASE_SECONDS, limit: 50 });
  for (const batchId of stale) {
    if (summary.stopped) return summary;
    await send(batchId);
  }
  while (!summary.stopped && Date.now() < deadline) {
    const claimed = await claimPendingBriefs({
      now,
      leaseAt: clock(),
      leaseSeconds: LEASE_SECONDS,
      limit: BATCH_SIZE,
      email: options.email,
    });
    if (claimed.length === 0) break;
    const outcomes = await inParallel(claimed, composeWorkers(), (brief) => compose(brief, now));
    const ready: string[] = [];
    for (const [i, outcome] of outcomes.entries()) {
      const brief = claimed[i];
      if (!brief) continue;
      if (outcome.kind === "ready") ready.push(brief.id);
      if (outcome.kind === "ready" && outcome.composed) summary.composed++;
      if (outcome.kind === "quiet")
        summary.skipped.push({ email: brief.email, reason: outcome.reason });
      if (outcome.kind === "failed")
        summary.failed.push({ email: brief.email, reason: outcome.reason });
    }
    options.onProgress?.(summary);
    const batchId = `${clock().toISOString().slice(0, 10)}-${randomUUID()}`;
    const members = await formBatch({
      briefIds: ready,
      batchId,
      leaseAt: clock(),
      leaseSeconds: LEASE_SECONDS,
    });
    if (members.length > 0) await send(batchId);
  }
  return summary;
}

type ComposeOutcome =
  | { kind: "ready"; composed: boolean }
  | { kind: "quiet"; reason: string }
  | { kind: "failed"; reason: string };

/** Chooses, renders and stores one claimed brief (a brief rendered by an earlier run is ready). */
async function compose(brief: ClaimedBrief, now: Date): Promise<ComposeOutcome> {
  if (brief.rendered) return { kind: "ready", composed: false };
  try {
    const profile = await getProfile({ userId: brief.userId });
    const choice = await chooseBriefItems({
      userId: brief.userId,
      followedTopics: profile?.followedTopics ?? [],
      now,
      briefId: brief.id,
    });
    if (choice.kind === "quiet") {
      await closeBrief({ briefId: brief.id, status: "skipped", reason: choice.reason });
      return { kind: "quiet", reason: choice.reason };
    }
    const email = await renderBriefEmail({
      userId: brief.userId,
      localDate: brief.localDate,
      picks: choice.picks,
      now,
    });
    await storeComposedBrief({
      briefId: brief.id,
      recipient: brief.email,
      subject: email.subject,
      headers: email.headers,
      html: email.html,
      text: email.text,
      htmlHash: email.htmlHash,
      items: email.picks,
    });
    return { kind: "ready", composed: true };
  } catch (error) {
    // One reader's failure is theirs alone: the brief is retried by a later run (its lease).
    return { kind: "failed", reason: publicReason(error, "composing a brief") };
  }
}

/** PostgreSQL serves several readers' queries at once; the embedded database one at a time. */
function composeWorkers(): number {
  return dbKind() === "postgres" ? 4 : 1;
}

/** Maps with at most `workers` calls in flight, results in input order. */
async function inParallel<T, R>(items: T[], workers: number, task: (item: T) => Promise<R>) {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(workers, items.length) }, worker));
  return results;
}

async function preview(
  now: Date,
  email: string | undefined,
  summary: BriefRunSummary,
): Promise<BriefRunSummary> {
  for (const reader of await dueReaders({ now, email })) {
    summary.due++;
    const choice = await chooseBriefItems({
      userId: reader.userId,
      followedTopics: reader.followedTopics,
      now,
    });
    if (choice.kind === "quiet") {
      summary.skipped.push({ email: reader.email, reason: choice.reason });
      summary.preview.push({
        email: reader.email,
        localDate: reader.localDate,
        subject: null,
        reason: choice.reason,
      });
      continue;
    }
    const rendered = await renderBriefEmail({
      userId: reader.userId,
      localDate: reader.localDate,
      picks: choice.picks,
      now,
    });
    summary.composed++;
    summary.preview.push({
      email: reader.email,
      localDate: reader.localDate,
      subject: rendered.subject,
      reason: null,
    });
  }
  return summary;
}
