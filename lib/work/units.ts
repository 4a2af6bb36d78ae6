// The work queues' policy in one place: how long a claim holds its unit, how many units one claim
// takes, how often a unit is tried before it is given up, and how long a failed one waits. The
// claiming itself (one statement per claim, rows locked by another claim skipped) is
// db/queries/work-units.ts; each queue's own rule of what is due stays with its queue.

export type WorkKind = "feed" | "transcribe" | "summarize" | "brief";

/** How long a claim holds its unit: enough for the slowest single unit of its kind. */
export const LEASE_SECONDS: Record<WorkKind, number> = {
  // A feed check (redirects, new-feed-url); a claimed feed waits at most a pool's turn first.
  feed: 10 * 60,
  // An episode's audio download plus speech-to-text.
  transcribe: 10 * 60,
  // A long transcript in several model calls, each with a timeout and up to three tries. The
  // extraction cache's key is held under this same lease: the episode's (see model-insights.ts).
  summarize: 30 * 60,
  // A group of briefs composed and stored, or a batch sent.
  brief: 5 * 60,
};

/** How many units one claim takes. */
export const CLAIM_LIMIT = {
  // One episode per claim, so a lease covers one episode's work and the time budget is checked
  // between episodes.
  transcribe: 1,
  summarize: 1,
  // A group of briefs is composed together and sent as one provider batch (at most 100).
  briefGroup: 100,
  staleBatches: 50,
} as const;

/** Claims of a unit that never finished (its worker died each time) after which it is left alone. */
export const MAX_CLAIMS = { episode: 10, brief: 6 } as const;

/** Failed tries after which a unit fails for good (see givesUp). */
export const MAX_ATTEMPTS = { transcript: 3, summarize: 4, briefBatch: 6 } as const;

const MINUTE_MS = 60 * 1000;
/** No unit waits longer than this to be tried again, whatever a server asked for. */
export const MAX_BACKOFF_MS = 24 * 60 * MINUTE_MS;
/** An episode whose extraction another worker holds comes back this soon: nothing failed. */
export const BUSY_RETRY_MS = MINUTE_MS;

/**
 * How long a failed unit waits before it is due again, after `failures` failures (a feed: its
 * errors before this one; an episode: its claims, this one included).
 */
export function backoffMs(kind: "feed" | "transcript" | "summarize", failures: number): number {
  switch (kind) {
    case "feed":
      return Math.min(15 * MINUTE_MS * 2 ** failures, MAX_BACKOFF_MS);
    case "transcript":
      return 30 * MINUTE_MS * failures;
    case "summarize":
      return 30 * MINUTE_MS * 2 ** Math.max(0, failures - 1);
  }
}

/** Whether a unit that failed after `attempts` claims is given up rather than tried again. */
export function givesUp(kind: keyof typeof MAX_ATTEMPTS, attempts: number): boolean {
  // A batch's briefs also count the claim that composed them: the batch's own tries are one fewer.
  if (kind === "briefBatch") return attempts > MAX_ATTEMPTS.briefBatch;
  return attempts >= MAX_ATTEMPTS[kind];
}

/** `ms` after `now`. */
export function after(now: Date, ms: number): Date {
  return new Date(now.getTime() + ms);
}
