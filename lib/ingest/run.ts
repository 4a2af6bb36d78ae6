import { claimEpisodes } from "@/db/queries/episodes";
import { claimDueFeeds } from "@/db/queries/feeds";
import { publicReason } from "@/lib/public-reason";
import { checkFeed, type FeedOutcome } from "./check-feed";
import { transcribeEpisode } from "./transcribe";

// One ingest run: check due feeds, then give new episodes their transcripts, for at most a time
// budget. Whatever is left stays due for the next run; leases keep overlapping runs apart.

export type IngestSummary = {
  feedsChecked: number;
  /** Feeds whose check failed (the rest of `errors` are about episodes). */
  feedsFailed: number;
  /** Shows asked for by id that another run was checking at the time: left to it. */
  busyElsewhere: number;
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
  onProgress?: (event: IngestProgress) => void;
};

// Covers the slowest single unit: a feed (redirects, new-feed-url) or an episode's audio download
// plus speech-to-text.
const LEASE_SECONDS = 10 * 60;

export async function runIngest({
  now = () => new Date(),
  budgetMs = 50_000,
  podcastIds,
  onProgress,
}: IngestOptions = {}): Promise<IngestSummary> {
  const deadline = Date.now() + budgetMs;
  const summary: IngestSummary = {
    feedsChecked: 0,
    feedsFailed: 0,
    busyElsewhere: 0,
    notModified: 0,
    newEpisodes: 0,
    updatedEpisodes: 0,
    transcripts: 0,
    errors: [],
    outOfTime: false,
  };

  // Feeds and episodes take turns, one unit each, so neither stage starves the other and each
  // claim's lease only has to cover one unit of work.
  let remaining = podcastIds;
  let feedsDone = false;
  let episodesDone = false;
  while (Date.now() < deadline && !(feedsDone && episodesDone)) {
    if (!feedsDone) {
      const [feed] = await claimDueFeeds({
        now: now(),
        limit: 1,
        leaseSeconds: LEASE_SECONDS,
        ids: remaining,
      });
      if (!feed) {
        feedsDone = true;
        // Shows asked for by id are claimed whether due or not: one left is another run's now.
        summary.busyElsewhere = remaining?.length ?? 0;
      } else {
        if (remaining) remaining = remaining.filter((id) => id !== feed.id);
        if (remaining?.length === 0) feedsDone = true;
        const outcome = await checkFeed(feed, now());
        summary.feedsChecked++;
        if (outcome.status === "not_modified") summary.notModified++;
        summary.newEpisodes += outcome.newEpisodes;
        summary.updatedEpisodes += outcome.updatedEpisodes;
        if (outcome.error) {
          summary.feedsFailed++;
          summary.errors.push({ url: outcome.feedUrl, reason: outcome.error });
        }
        onProgress?.({ stage: "feed", outcome });
      }
    }
    if (Date.now() >= deadline) break;
    const [episode] = await claimEpisodes({
      status: "new",
      now: now(),
      limit: 1,
      leaseSeconds: LEASE_SECONDS,
    });
    if (!episode) {
      // New episodes can still come from feeds not yet checked in this run.
      episodesDone = feedsDone;
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
  summary.outOfTime = Date.now() >= deadline;
  return summary;
}

/** Whether a run did nothing at all: every feed failed or was busy, and no work came of it. */
export function didNothing(summary: IngestSummary): boolean {
  const work = summary.newEpisodes + summary.updatedEpisodes + summary.transcripts;
  const checkedOk = summary.feedsChecked - summary.feedsFailed;
  const tried = summary.feedsChecked + summary.busyElsewhere;
  return tried > 0 && checkedOk === 0 && work === 0;
}
