import { embeddingModel } from "@/lib/ai/models";

// Cosine thresholds depend on the embedding: a provider's model puts paraphrases near 0.85, while
// the local hashed embedding only sees shared words (unrelated insights near 0, related from 0.1,
// the same point in the same words from about 0.45).

export type SimilarityThresholds = {
  /** Below this, a saved insight or the reader's interests say nothing about another insight. */
  related: number;
  /**
   * Below this, an insight is not listed under another as related: none beats noise. Measured
   * against the gold themes by npm run eval:insights: with the local hashed embedding no floor
   * makes its lists mostly related (at best 15% precise), so only near-duplicates are listed.
   */
  listed: number;
  /** Above this, two insights from different shows make the same point ("also said on …"). */
  nearDuplicate: number;
};

export function similarityThresholds(): SimilarityThresholds {
  return embeddingModel()
    ? { related: 0.3, listed: 0.3, nearDuplicate: 0.85 }
    : { related: 0.1, listed: 0.45, nearDuplicate: 0.45 };
}
