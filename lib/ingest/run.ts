import { claimEpisodes } from "@/db/queries/episodes";
import { publicReason } from "@/lib/public-reason";
import { CLAIM_LIMIT, LEASE_SECONDS, MAX_CLAIMS } from "@/lib/work/units";
import type { FeedOutcome } from "./check-feed";
import { checkFeedsInPool, FEED_CONCURRENCY } from "./feed-pool";
import { transcribeEpisode } from "./transcribe";

// One ingest run: check due feeds, many at once (feed-pool.ts), while new episodes get their
// transcripts one at a time beside them, for at most a time budget. Whatever is left stays due for
// the next run; leases keep overlapping runs apart.

export type IngestSummary = {
  feedsChecked: number;
  /** Feeds whose check failed (the rest of `errors` are about episodes). */
  feedsFailed: number;
  /** Shows asked for by id that another run was checking at the time: left to it. */
  busyElsewhere: number;
  /** Feeds not tried because their host asked for a pause or stopped answering in this run. */
  deferred: number;
  notModified: number;
  newEpisodes: number;
  updatedEpisodes: number;
  transcripts: number;
  errors: { url: string; reason: string }[];
  /** Work that was due but left for the next run because the time budget ran out. */
  outOfTime: boolean;
};

export type IngestProgress =
  | { stage: "feed"; outcome: FeedOutcome }
  | { stage: "episode"; episodeId: string; ok: boolean };

export type IngestOptions = {
  now?: () => Date;
  budgetMs?: number;
  /** Check exactly these shows, due or not (the CLI's --feed). */
  podcastIds?: string[];
  /** Feed checks in flight at once (FEED_CONCURRENCY); tests and the bench change it. */
  concurrency?: number;
  onProgress?: (event: IngestProgress) => void;
};

export async function runIngest({
  now = () => new Date(),
  budgetMs = 50_000,
  podcastIds,
  concurrency = FEED_CONCURRENCY,
  onProgress,
}: IngestOptions = {}): Promise<IngestSummary> {
  const summary: IngestSummary = {
    feedsChecked: 0,
    feedsFailed: 0,
    busyElsewhere: 0,
    deferred: 0,
    notModified: 0,
    newEpisodes: 0,
    updatedEpisodes: 0,
    transcripts: 0,
    errors: [],
    outOfTime: false,
  };
  const budget = new AbortController();
  const timer = setTimeout(() => budget.abort(new Error("the time budget is used up")), budgetMs);
  // Wakes the transcript lane when a feed check may have brought new episodes, or feeds are done.
  const feedNews = new Wakeup();
  let feedsDone = false;

  const feeds = checkFeedsInPool({
    now,
    podcastIds,
    concurrency,
    signal: budget.signal,
    onOutcome: (outcome) => {
      summary.feedsChecked++;
      if (outcome.status === "not_modified") summary.notModified++;
      summary.newEpisodes += outcome.newEpisodes;
      summary.updatedEpisodes += outcome.updatedEpisodes;
      if (outcome.error) {
        summary.feedsFailed++;
        summary.errors.push({ url: outcome.feedUrl, reason: outcome.error });
      }
      onProgress?.({ stage: "feed", outcome });
      feedNews.fire();
    },
  }).finally(() => {
    feedsDone = true;
    feedNews.fire();
  });

  const episodes = transcribeLane({
    now,
    signal: budget.signal,
    feedNews,
    feedsDone: () => feedsDone,
    summary,
    onProgress,
  });

  try {
    const [pool] = await settleBoth(feeds, episodes);
    summary.busyElsewhere = pool.busyElsewhere;
    summary.deferred = pool.deferred;
  } finally {
    clearTimeout(timer);
  }
  summary.outOfTime = budget.signal.aborted;
  return summary;
}

/**
 * New episodes get their transcripts one at a time, beside the feed checks, until the budget ends
 * or no episode is due and the feed checks (which may bring more) are done.
 */
async function transcribeLane({
  now,
  signal,
  feedNews,
  feedsDone,
  summary,
  onProgress,
}: {
  now: () => Date;
  signal: AbortSignal;
  feedNews: Wakeup;
  feedsDone: () => boolean;
  summary: IngestSummary;
  onProgress?: (event: IngestProgress) => void;
}): Promise<void> {
  while (!signal.aborted) {
    // Taken before the claim, so a feed stored while the claim runs is not missed.
    const news = feedNews.next();
    const lastLook = feedsDone();
    const [episode] = await claimEpisodes({
      status: "new",
      now: now(),
      limit: CLAIM_LIMIT.transcribe,
      leaseSeconds: LEASE_SECONDS.transcribe,
      maxClaims: MAX_CLAIMS.episode,
    });
    if (!episode) {
      // New episodes can still come from feeds being checked in this run.
      if (lastLook) return;
      await Promise.race([news, aborted(signal)]);
      continue;
    }
    const outcome = await transcribeEpisode(episode, now()).catch((error: unknown) => ({
      status: "failed" as const,
      error: publicReason(error, "transcribing an episode"),
    }));
    if (outcome.status === "transcribed") summary.transcripts++;
    if (outcome.error) {
      const reason =
        outcome.status === "retry"
          ? `${outcome.error} (will retry)`
          : outcome.status === "transcribed"
            ? `${outcome.error} (used the show notes instead)`
            : outcome.error;
      summary.errors.push({ url: episode.transcriptUrl ?? episode.title, reason });
    }
    onProgress?.({ stage: "episode", episodeId: episode.id, ok: outcome.status === "transcribed" });
  }
}

/** Both results once both have settled; the first failure, if any, once both have settled. */
async function settleBoth<A, B>(a: Promise<A>, b: Promise<B>): Promise<[A, B]> {
  const [first, second] = await Promise.allSettled([a, b]);
  if (first.status === "rejected") throw first.reason;
  if (second.status === "rejected") throw second.reason;
  return [first.value, second.value];
}

function aborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener("abort", () => resolve(), { once: true });
  });
}

/** Whoever waits on next() is woken by the following fire(). */
class Wakeup {
  private wake: () => void = () => {};
  private waiting: Promise<void> | null = null;
  next(): Promise<void> {
    this.waiting ??= new Promise((resolve) => {
      this.wake = resolve;
    });
    return this.waiting;
  }
  fire(): void {
    this.wake();
    this.waiting = null;
  }
}

/** Whether a run did nothing at all: every feed failed or was busy, and no work came of it. */
export function didNothing(summary: IngestSummary): boolean {
  const work = summary.newEpisodes + summary.updatedEpisodes + summary.transcripts;
  const checkedOk = summary.feedsChecked - summary.feedsFailed;
  const tried = summary.feedsChecked + summary.busyElsewhere;
  return tried > 0 && checkedOk === 0 && work === 0;
}
