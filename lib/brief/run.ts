import { randomUUID } from "node:crypto";
import {
  type ClaimedBrief,
  type ComposedBrief,
  claimPendingBriefs,
  claimStaleBatches,
  closeBrief,
  closeStaleBriefs,
  createDueBriefs,
  dueReaders,
  formBatch,
  releaseClaims,
  storeComposedBriefs,
} from "@/db/queries/briefs";
import {
  type BriefCache,
  briefCache,
  type Composition,
  chooseBriefs,
  loadCards,
  renderBriefEmail,
} from "@/lib/brief/compose";
import { type Pacer, pacer, processPacer, sendBatch } from "@/lib/brief/send";
import { mailWarning } from "@/lib/mail/transport";
import { publicReason } from "@/lib/public-reason";

// One run of the daily brief, from the cron route, the CLI or the embedded scheduler: make the
// briefs that are due, finish batches an earlier run left half-sent, then claim, compose, store
// and send the rest a group of up to 100 at a time (one batch each), within a time budget. The
// database chooses the next group while this process renders and sends the one in hand.

const BATCH_SIZE = 100;
const LEASE_SECONDS = 300;
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
  const perSecond = options.callsPerSecond ?? 2;
  // An injected sleep (a test's clock) gets a pacer of its own.
  const pace =
    options.pace ?? (options.sleep ? pacer(perSecond, options.sleep) : processPacer(perSecond));
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

  const cache = briefCache();
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
  const claimNext = async (ahead: boolean): Promise<ChosenGroup> => {
    // Near the end of the budget a run claims nothing ahead: it ends after the group in hand.
    if (ahead && Date.now() > deadline - CLAIM_AHEAD_MARGIN_MS) {
      return { claimed: [], choices: new Map(), outcomes: new Map() };
    }
    const claimed = await claimPendingBriefs({
      now,
      leaseAt: clock(),
      leaseSeconds: LEASE_SECONDS,
      limit: BATCH_SIZE,
      email: options.email,
    });
    return chooseGroup(claimed, now, cache);
  };
  let next = claimNext(false);
  try {
    while (!summary.stopped && Date.now() < deadline) {
      const group = await next;
      if (group.claimed.length === 0) break;
      // The next group is claimed and chosen in the database while this one is rendered here.
      next = claimNext(true);
      next.catch(() => {}); // awaited in the next round, or released below
      const outcomes = await finishGroup(group, now, cache);
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
  } finally {
    // Stopped (a quota, the time budget, an error) with a group claimed ahead: it goes back.
    const ahead = await next.catch(() => null);
    if (ahead && ahead.claimed.length > 0) {
      await releaseClaims(ahead.claimed).catch(() => {});
    }
  }
  return summary;
}

type ComposeOutcome =
  | { kind: "ready"; composed: boolean }
  | { kind: "quiet"; reason: string }
  | { kind: "failed"; reason: string };

type ChosenGroup = {
  claimed: ClaimedBrief[];
  choices: Map<string, Composition>;
  outcomes: Map<string, ComposeOutcome>;
};

function failure(error: unknown, doing: string): ComposeOutcome {
  return { kind: "failed", reason: publicReason(error, doing) };
}

/**
 * Chooses the items of a claimed group's briefs (a brief rendered by an earlier run is ready as
 * it is). Writes nothing, so a group chosen ahead can be given back as it was.
 */
async function chooseGroup(
  claimed: ClaimedBrief[],
  now: Date,
  cache: BriefCache,
): Promise<ChosenGroup> {
  const outcomes = new Map<string, ComposeOutcome>();
  const todo = claimed.filter((brief) => !brief.rendered);
  const reader = (brief: ClaimedBrief) => ({
    userId: brief.userId,
    followedTopics: brief.followedTopics,
    briefId: brief.id,
  });
  try {
    return {
      claimed,
      outcomes,
      choices: await chooseBriefs({ readers: todo.map(reader), now, cache }),
    };
  } catch {
    // The group's statement failed: each reader alone, so one reader's trouble stays theirs
    // (their brief is retried by a later run, when its lease ends).
    const choices = new Map<string, Composition>();
    for (const brief of todo) {
      try {
        const one = await chooseBriefs({ readers: [reader(brief)], now, cache });
        for (const [userId, choice] of one) choices.set(userId, choice);
      } catch (error) {
        outcomes.set(brief.id, failure(error, "composing a brief"));
      }
    }
    return { claimed, outcomes, choices };
  }
}

/** Renders and stores a chosen group's briefs, and closes its quiet days. */
async function finishGroup(
  { claimed, choices, outcomes }: ChosenGroup,
  now: Date,
  cache: BriefCache,
): Promise<ComposeOutcome[]> {
  // Every card the group shows in one statement (should it fail, each email loads its own).
  await loadCards(
    cache,
    [...choices.values()].flatMap((c) =>
      c.kind === "brief" ? c.picks.map((p) => p.insightId) : [],
    ),
  ).catch(() => {});
  const composed: ComposedBrief[] = [];
  for (const brief of claimed) {
    const choice = brief.rendered ? undefined : choices.get(brief.userId);
    if (!choice) continue;
    try {
      if (choice.kind === "quiet") {
        await closeBrief({ briefId: brief.id, status: "skipped", reason: choice.reason });
        outcomes.set(brief.id, { kind: "quiet", reason: choice.reason });
        continue;
      }
      const email = await renderBriefEmail({
        userId: brief.userId,
        localDate: brief.localDate,
        picks: choice.picks,
        now,
        cache,
      });
      composed.push({
        briefId: brief.id,
        recipient: brief.email,
        subject: email.subject,
        headers: email.headers,
        html: email.html,
        text: email.text,
        htmlHash: email.htmlHash,
        items: email.picks,
      });
    } catch (error) {
      outcomes.set(brief.id, failure(error, "composing a brief"));
    }
  }
  const store = async (list: ComposedBrief[]) => {
    const stored = new Set(await storeComposedBriefs(list));
    // One not stored was batched or sent by another run meanwhile: ready, but not composed here.
    for (const email of list) {
      outcomes.set(email.briefId, { kind: "ready", composed: stored.has(email.briefId) });
    }
  };
  await store(composed).catch(async () => {
    // As above: the group's transaction failed, so each brief is stored alone.
    for (const email of composed) {
      await store([email]).catch((error: unknown) => {
        outcomes.set(email.briefId, failure(error, "storing a brief"));
      });
    }
  });
  return claimed.map(
    (brief): ComposeOutcome =>
      brief.rendered
        ? { kind: "ready", composed: false }
        : (outcomes.get(brief.id) ?? { kind: "failed", reason: "not composed" }),
  );
}

async function preview(
  now: Date,
  email: string | undefined,
  summary: BriefRunSummary,
): Promise<BriefRunSummary> {
  const cache = briefCache();
  for (const reader of await dueReaders({ now, email })) {
    summary.due++;
    const choice = (await chooseBriefs({ readers: [reader], now, cache })).get(reader.userId);
    if (!choice) continue;
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
      cache,
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
