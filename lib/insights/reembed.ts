import {
  insightTexts,
  markEveryFeedStale,
  newestInsightEmbedding,
  readerInterests,
  setInsightEmbeddings,
  setInterestEmbeddings,
} from "@/db/queries/embeddings";
import { embeddingModel } from "@/lib/ai/models";
import { cosine, localEmbedding } from "./local-embedding";

// Without an AI provider, embeddings are made here (local-embedding.ts). When that way of making
// them changes, vectors stored before would be compared with new ones (related insights, a
// reader's taste): once, at start-up, the stored ones are made again. A provider's embeddings
// are the provider's; they are left alone.

const BATCH = 500;

/** Embeds every insight and every reader's interests again if the stored ones are out of date. */
export async function reembedIfStale(): Promise<{ insights: number; readers: number }> {
  const none = { insights: 0, readers: 0 };
  if (embeddingModel()) return none;
  const newest = await newestInsightEmbedding();
  if (!newest?.embedding) return none;
  if (cosine(newest.embedding, localEmbedding(newest.text)) > 0.9999) return none;

  let insights = 0;
  for (let afterId: string | null = null; ; ) {
    const batch = await insightTexts({ afterId, limit: BATCH });
    if (batch.length === 0) break;
    await setInsightEmbeddings(batch.map((r) => ({ id: r.id, embedding: localEmbedding(r.text) })));
    insights += batch.length;
    afterId = batch.at(-1)?.id ?? null;
  }
  const readers = await readerInterests();
  await setInterestEmbeddings(
    readers.map((r) => ({ userId: r.userId, embedding: localEmbedding(r.text) })),
  );
  await markEveryFeedStale();
  return { insights, readers: readers.length };
}
