import {
  type BatchEmail,
  batchEmails,
  markBatchSent,
  releaseBatch,
} from "@/db/queries/brief-batches";
import { closeBrief } from "@/db/queries/briefs";
import { type BatchResult, mailTransportName, sendEmailBatch } from "@/lib/mail/transport";
import { givesUp, MAX_ATTEMPTS } from "@/lib/work/units";

// Sending one batch of stored briefs: the idempotency key comes from the briefs' date and the
// batch id, and the body from the stored emails in a fixed order, so every retry of a batch (this
// run's, or the next run's after a crash) asks the provider the very same thing.

export type SendOutcome =
  | { kind: "sent"; count: number }
  | { kind: "stop"; reason: string }
  | { kind: "retry-later"; reason: string }
  | { kind: "failed"; count: number; reason: string };

/** Called before a provider call ("before", may wait) and when its answer came ("after"). */
export type Pacer = (moment: "before" | "after") => Promise<void>;

/**
 * At most `perSecond` provider calls a second (Resend allows 2 by default). Each call books the
 * next free slot before it goes, so callers that share a pacer queue up rather than go together;
 * and the slot after a call starts a full interval after its answer: the provider counts a call
 * when its body has arrived, and large batches arrive after uneven upload times, so spacing the
 * starts alone can still put three arrivals in one second.
 */
export function pacer(perSecond: number, sleep = defaultSleep): Pacer {
  const interval = 1000 / perSecond;
  let next = 0;
  return async (moment) => {
    const now = Date.now();
    if (moment === "after") {
      next = Math.max(next, now + interval);
      return;
    }
    const at = Math.max(next, now);
    next = at + interval;
    if (at > now) await sleep(at - now);
  };
}

// On globalThis: Next.js may load this module more than once in one process.
const globalForPacers = globalThis as typeof globalThis & {
  __podbriefPacers?: Map<number, Pacer>;
};

/**
 * The process's own pacer at this rate: runs that follow one another in one process (the
 * scheduler, the cron route, a CLI, a bench) share it, so the limit holds across them as well.
 * Runs in other processes meet the provider's 429 and wait for its Retry-After.
 */
export function processPacer(perSecond: number): Pacer {
  globalForPacers.__podbriefPacers ??= new Map();
  const processPacers = globalForPacers.__podbriefPacers;
  let pace = processPacers.get(perSecond);
  if (!pace) {
    pace = pacer(perSecond);
    processPacers.set(perSecond, pace);
  }
  return pace;
}

const defaultSleep = (ms: number): Promise<void> =>
  new Promise<void>((resolve) => setTimeout(resolve, ms));

type SendOptions = {
  batchId: string;
  now: Date;
  /** The wall clock, for leases. */
  leaseAt: () => Date;
  pace: Pacer;
  /** Date.now() after which a rate-limit wait is not worth it: leave the batch for the next run. */
  deadline: number;
  sleep?: (ms: number) => Promise<void>;
  /** Called after the provider accepted the batch, before it is marked (tests crash here). */
  afterAccepted?: (batchId: string) => Promise<void> | void;
};

type Sent = SendOutcome & { calls: number };

export async function sendBatch(options: SendOptions): Promise<Sent> {
  const emails = await batchEmails({ batchId: options.batchId });
  if (emails.length === 0) return { kind: "sent", count: 0, calls: 0 };
  if (emails.every((e) => givesUp("briefBatch", e.attempts))) {
    const reason = `gave up after ${MAX_ATTEMPTS.briefBatch} attempts`;
    await closeAll(emails, reason);
    return { kind: "failed", count: emails.length, reason, calls: 0 };
  }
  return deliver(emails, options);
}

/** Asks the provider to send the batch, a few times over a short wait; else leaves it for later. */
async function deliver(
  emails: BatchEmail[],
  { batchId, now, leaseAt, pace, deadline, sleep = defaultSleep, afterAccepted }: SendOptions,
): Promise<Sent> {
  // The batch id begins with the date it was formed: the key depends on nothing else, so it is
  // the same on every retry whatever happens to the batch's rows meanwhile.
  const idempotencyKey = `brief-${batchId}`;
  const body = emails.map((e) => ({
    to: e.recipient,
    subject: e.subject,
    html: e.html,
    text: e.text,
    headers: e.headers,
    kind: "brief" as const,
  }));
  let calls = 0;
  for (let attempt = 1; ; attempt++) {
    const paced = mailTransportName() === "resend";
    if (paced) await pace("before");
    calls++;
    const result: BatchResult = await sendEmailBatch(body, { idempotencyKey });
    if (paced) await pace("after");
    if (result.ok) {
      await afterAccepted?.(batchId);
      await markBatchSent({
        batchId,
        now,
        sent: emails.map((e, i) => ({ briefId: e.briefId, providerId: result.ids[i] ?? "" })),
      });
      return { kind: "sent", count: emails.length, calls };
    }
    if (result.kind === "quota") {
      await releaseBatch({ batchId, leaseAt: leaseAt(), countAttempt: false });
      return {
        kind: "stop",
        reason: `${result.message} (the provider's sending quota is used up; the rest waits for the next run)`,
        calls,
      };
    }
    const waitMs =
      result.kind === "rate_limited" ? result.retryAfterSeconds * 1000 : 2 ** attempt * 500;
    if (result.kind !== "rate_limited" && !result.retryable) {
      await closeAll(emails, result.message);
      return { kind: "failed", count: emails.length, reason: result.message, calls };
    }
    if (attempt >= 3 || Date.now() + waitMs > deadline) {
      await releaseBatch({
        batchId,
        leaseAt: leaseAt(),
        countAttempt: result.kind !== "rate_limited",
      });
      return { kind: "retry-later", reason: result.message, calls };
    }
    await sleep(waitMs);
  }
}

async function closeAll(emails: BatchEmail[], reason: string): Promise<void> {
  for (const e of emails) {
    await closeBrief({ briefId: e.briefId, status: "failed", reason });
  }
}
