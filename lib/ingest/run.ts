import { claimEpisodes } from "@/db/queries/episodes";
import { claimDueFeeds } from "@/db/queries/feeds";
import { checkFeed, type FeedOutcome } from "./check-feed";
import { transcribeEpisode } from "./transcribe";

// One ingest run: check due feeds, then give new episodes their transcripts, for at most a time
// budget. Whatever is left stays due for the next run; leases keep overlapping runs apart.

export type IngestSummary = {
  feedsChecked: number;
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

const FEED_BATCH = 5;
const EPISODE_BATCH = 5;
const LEASE_SECONDS = 5 * 60;

export async function runIngest({
  now = () => new Date(),
  budgetMs = 50_000,
  podcastIds,
  onProgress,
}: IngestOptions = {}): Promise<IngestSummary> {
  const deadline = Date.now() + budgetMs;
  const summary: IngestSummary = {
    feedsChecked: 0,
    notModified: 0,
    newEpisodes: 0,
    updatedEpisodes: 0,
    transcripts: 0,
    errors: [],
    outOfTime: false,
  };

  let remaining = podcastIds;
  while (Date.now() < deadline) {
    const feeds = await claimDueFeeds({
      now: now(),
      limit: FEED_BATCH,
      leaseSeconds: LEASE_SECONDS,
      ids: remaining,
    });
    if (feeds.length === 0) break;
    if (remaining) remaining = remaining.filter((id) => !feeds.some((f) => f.id === id));
    for (const feed of feeds) {
      const outcome = await checkFeed(feed, now());
      summary.feedsChecked++;
      if (outcome.status === "not_modified") summary.notModified++;
      summary.newEpisodes += outcome.newEpisodes;
      summary.updatedEpisodes += outcome.updatedEpisodes;
      if (outcome.error) summary.errors.push({ url: outcome.feedUrl, reason: outcome.error });
      onProgress?.({ stage: "feed", outcome });
    }
    if (remaining?.length === 0) break;
  }

  while (Date.now() < deadline) {
    const batch = await claimEpisodes({
      status: "new",
      now: now(),
      limit: EPISODE_BATCH,
      leaseSeconds: LEASE_SECONDS,
    });
    if (batch.length === 0) break;
    for (const episode of batch) {
      const outcome = await transcribeEpisode(episode, now()).catch((error: unknown) => ({
        status: "failed" as const,
        error: `unexpected error: ${error instanceof Error ? error.message : String(error)}`,
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
      onProgress?.({
        stage: "episode",
        episodeId: episode.id,
        ok: outcome.status === "transcribed",
      });
    }
  }
  summary.outOfTime = Date.now() >= deadline;
  return summary;
}
