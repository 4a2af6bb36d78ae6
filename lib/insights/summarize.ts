import { getTranscript } from "@/db/queries/catalog";
import { advanceEpisode, recordEpisodeFailure } from "@/db/queries/episodes";
import {
  linkNearDuplicates,
  type NewInsightInput,
  replaceEpisodeInsights,
} from "@/db/queries/insights";
import type { Episode, Segment } from "@/db/schema";
import { localEmbedding } from "./embedding";
import { extractInsights } from "./extractive";
import { groundQuote } from "./grounding";
import { qualityScore } from "./quality";
import { topicsForText } from "./topic-map";

// Third stage: an episode with a transcript becomes 3–8 grounded insights, each with topics,
// an embedding and a quality score, linked to near-duplicates on other shows.

export const EXTRACTIVE_MODEL = "extractive";
export const EXTRACTIVE_VERSION = "extractive@1";
/** Cosine above which two insights from different shows make the same point. */
export const NEAR_DUPLICATE = 0.8;
const MAX_ATTEMPTS = 4;
const RETRY_MS = 30 * 60 * 1000;

export type SummarizeOutcome = {
  episodeId: string;
  status: "summarized" | "retry" | "failed";
  insights: number;
  ungrounded: number;
  error?: string;
};

export async function summarizeEpisode(episode: Episode, now: Date): Promise<SummarizeOutcome> {
  const base = { episodeId: episode.id, insights: 0, ungrounded: 0 };
  try {
    const transcript = await getTranscript({ episodeId: episode.id });
    if (!transcript) throw new Error("the episode has no transcript");
    const { items, ungrounded } = extractiveInsights(transcript.segments);
    const ids = await replaceEpisodeInsights({
      episodeId: episode.id,
      model: EXTRACTIVE_MODEL,
      promptVersion: EXTRACTIVE_VERSION,
      items,
    });
    await linkNearDuplicates({ insightIds: ids, threshold: NEAR_DUPLICATE });
    await advanceEpisode({ episodeId: episode.id, status: "summarized" });
    return { ...base, status: "summarized", insights: ids.length, ungrounded };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const final = episode.attempts >= MAX_ATTEMPTS;
    await recordEpisodeFailure({
      episodeId: episode.id,
      reason,
      nextAttemptAt: new Date(now.getTime() + RETRY_MS * 2 ** Math.max(0, episode.attempts - 1)),
      final,
    });
    return { ...base, status: final ? "failed" : "retry", error: reason };
  }
}

/** The offline path: extracted sentences, grounded in code like any model's output would be. */
export function extractiveInsights(segments: readonly Segment[]): {
  items: NewInsightInput[];
  ungrounded: number;
} {
  const items: NewInsightInput[] = [];
  let ungrounded = 0;
  for (const candidate of extractInsights(segments)) {
    const grounded = groundQuote(candidate.quote, segments);
    if (!grounded) {
      ungrounded++;
      continue;
    }
    const text = `${candidate.headline}. ${candidate.body}`;
    items.push({
      headline: candidate.headline,
      body: candidate.body,
      quote: grounded.text,
      quoteStartS: grounded.segment.start,
      speaker: grounded.segment.speaker,
      grounding: grounded.level,
      score: qualityScore(candidate),
      topics: topicsForText(text),
      embedding: localEmbedding(text),
    });
  }
  return { items, ungrounded };
}
