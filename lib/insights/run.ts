import { claimEpisode, claimEpisodes } from "@/db/queries/episodes";
import { upsertTopics } from "@/db/queries/topics";
import { CLAIM_LIMIT, LEASE_SECONDS, MAX_CLAIMS } from "@/lib/work/units";
import { type SummarizeOutcome, summarizeEpisode } from "./summarize";
import { TOPICS } from "./topics";

// One summarize run: claim transcribed episodes with a lease and turn each into insights, for at
// most a time budget. A failure is recorded on its episode and the run goes on with the others.

export type SummarizeSummary = {
  episodes: number;
  insights: number;
  ungrounded: number;
  errors: { episodeId: string; reason: string }[];
  outOfTime: boolean;
};

export type SummarizeOptions = {
  now?: () => Date;
  budgetMs?: number;
  limit?: number;
  /** Summarize exactly this episode, again if it already was (the CLI's --episode). */
  episodeId?: string;
  onProgress?: (outcome: SummarizeOutcome) => void;
};

export async function runSummarize({
  now = () => new Date(),
  budgetMs = 50_000,
  limit = Number.POSITIVE_INFINITY,
  episodeId,
  onProgress,
}: SummarizeOptions = {}): Promise<SummarizeSummary> {
  const deadline = Date.now() + budgetMs;
  // Insights are tagged from the vocabulary; make sure it is in the database (one statement).
  await upsertTopics({ vocabulary: TOPICS });
  const summary: SummarizeSummary = {
    episodes: 0,
    insights: 0,
    ungrounded: 0,
    errors: [],
    outOfTime: false,
  };
  while (Date.now() < deadline && summary.episodes < limit) {
    const batch = episodeId
      ? [
          await claimEpisode({ episodeId, now: now(), leaseSeconds: LEASE_SECONDS.summarize }),
        ].filter((e) => e !== null)
      : await claimEpisodes({
          status: "transcribed",
          now: now(),
          limit: Math.min(CLAIM_LIMIT.summarize, limit - summary.episodes),
          leaseSeconds: LEASE_SECONDS.summarize,
          maxClaims: MAX_CLAIMS.episode,
        });
    if (batch.length === 0) break;
    for (const episode of batch) {
      const outcome = await summarizeEpisode(episode, now());
      summary.episodes++;
      summary.insights += outcome.insights;
      summary.ungrounded += outcome.ungrounded;
      if (outcome.error) summary.errors.push({ episodeId: episode.id, reason: outcome.error });
      onProgress?.(outcome);
    }
    if (episodeId) break;
  }
  summary.outOfTime = Date.now() >= deadline;
  return summary;
}
