import { advanceEpisode, recordEpisodeFailure } from "@/db/queries/episodes";
import { linkNearDuplicates, replaceEpisodeInsights } from "@/db/queries/insight-writes";
import { getTranscript } from "@/db/queries/transcripts";
import type { Episode, Segment } from "@/db/schema";
import { PROMPT_VERSION } from "@/lib/ai/extract-insights";
import { languageModel } from "@/lib/ai/models";
import { publicReason } from "@/lib/public-reason";
import { BUSY_RETRY_MS, backoffMs, givesUp } from "@/lib/work/units";
import { type Candidate, selectBest } from "./candidates";
import { embedTexts } from "./embed";
import { extractInsights } from "./extractive";
import { createGrounder } from "./grounding";
import { BusyElsewhere, modelCandidates } from "./model-insights";
import { similarityThresholds } from "./similarity";
import { topicsForText } from "./topic-map";

// Third stage: an episode with a transcript becomes 3–8 grounded insights, each with topics,
// an embedding and a quality score, linked to near-duplicates on other shows. Through the
// configured model, or offline by extraction.

export const EXTRACTIVE_MODEL = "extractive";
export const EXTRACTIVE_VERSION = "extractive@1";
const NOTHING_WORTH_A_CARD =
  "no insights: nothing in the transcript reads as a claim worth a card (is it mostly ads, music or small talk?)";

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
    const named = languageModel();
    const { candidates, ungrounded, usage } = named
      ? await modelCandidates({
          named,
          segments: transcript.segments,
          contentHash: transcript.contentHash,
          now,
          leaseUntil: episode.leaseUntil ?? undefined,
        })
      : { ...extractiveCandidates(transcript.segments), usage: null };
    const chosen = selectBest(candidates);
    // The offline extractor gives the same answer every time: an episode in which nothing reads
    // as a claim (ads, music, small talk) is done, with the reason stored, not tried again.
    if (chosen.length === 0 && !named) {
      await recordEpisodeFailure({
        episodeId: episode.id,
        reason: NOTHING_WORTH_A_CARD,
        nextAttemptAt: now,
        final: true,
      });
      return { ...base, status: "failed", error: NOTHING_WORTH_A_CARD };
    }
    // Never replace an episode's insights with nothing: keep what it has and try again later.
    if (chosen.length === 0)
      throw new Error(`no grounded insights (${ungrounded} quotes not found in the transcript)`);
    const embeddings = await embedTexts(chosen.map((c) => `${c.headline}. ${c.body}`));
    const ids = await replaceEpisodeInsights({
      episodeId: episode.id,
      model: named?.id ?? EXTRACTIVE_MODEL,
      promptVersion: named ? PROMPT_VERSION : EXTRACTIVE_VERSION,
      items: chosen.map((c, i) => ({
        headline: c.headline,
        body: c.body,
        quote: c.grounded.text,
        quoteStartS: c.grounded.segment.start,
        speaker: c.grounded.segment.speaker,
        grounding: c.grounded.level,
        score: c.score,
        topics: c.topics,
        embedding: embeddings[i] ?? null,
      })),
    });
    await linkNearDuplicates({ insightIds: ids, threshold: similarityThresholds().nearDuplicate });
    await advanceEpisode({
      episodeId: episode.id,
      status: "summarized",
      ...(usage ? { tokenUsage: usage } : {}),
    });
    return { ...base, status: "summarized", insights: ids.length, ungrounded };
  } catch (error) {
    const reason = publicReason(error, "summarizing the episode");
    // Another worker holding the cache key is not this episode's failure: just come back soon.
    const busy = error instanceof BusyElsewhere;
    const final = !busy && givesUp("summarize", episode.attempts);
    const wait = busy ? BUSY_RETRY_MS : backoffMs("summarize", episode.attempts);
    await recordEpisodeFailure({
      episodeId: episode.id,
      reason,
      nextAttemptAt: new Date(now.getTime() + wait),
      final,
    });
    return { ...base, status: final ? "failed" : "retry", error: reason };
  }
}

/** The offline path: extracted sentences, grounded in code like any model's output. */
export function extractiveCandidates(segments: readonly Segment[]): {
  candidates: Candidate[];
  ungrounded: number;
} {
  const ground = createGrounder(segments);
  const candidates: Candidate[] = [];
  let ungrounded = 0;
  for (const extracted of extractInsights(segments)) {
    const grounded = ground(extracted.quote);
    if (!grounded) {
      ungrounded++;
      continue;
    }
    candidates.push({
      headline: extracted.headline,
      body: extracted.body,
      grounded,
      score: extracted.score,
      topics: topicsForText(`${extracted.headline}. ${extracted.body}`),
    });
  }
  return { candidates, ungrounded };
}
