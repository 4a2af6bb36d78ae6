import { embeddingModel } from "@/lib/ai/models";

// Cosine thresholds depend on the embedding: a provider's model puts paraphrases near 0.85, while
// the local hashed embedding only sees shared words (unrelated insights near 0, related from 0.1,
// the same point in the same words from about 0.45).

export type SimilarityThresholds = {
  /** Below this, an insight is not worth listing as related. */
  related: number;
  /** Above this, two insights from different shows make the same point ("also said on …"). */
  nearDuplicate: number;
};

export function similarityThresholds(): SimilarityThresholds {
  return embeddingModel()
    ? { related: 0.3, nearDuplicate: 0.85 }
    : { related: 0.1, nearDuplicate: 0.45 };
}
