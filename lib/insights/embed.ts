import { embedMany } from "ai";
import { embeddingModel } from "@/lib/ai/models";
import { localEmbedding } from "./local-embedding";

/**
 * Embeddings for insight texts: the provider's model when one is configured, else the local hashed
 * embedding. One deployment must stick to one: vectors from different models do not compare.
 */
export async function embedTexts(texts: string[]): Promise<number[][]> {
  if (texts.length === 0) return [];
  const named = embeddingModel();
  if (!named) return texts.map(localEmbedding);
  const { embeddings } = await embedMany({
    model: named.model,
    values: texts,
    maxRetries: 2,
    providerOptions: { openai: { dimensions: 384 } },
  });
  return embeddings;
}
