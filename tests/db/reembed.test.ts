import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, rowsOf } from "@/db/client";
import { profiles } from "@/db/schema";
import { cosine, localEmbedding } from "@/lib/insights/local-embedding";
import { reembedIfStale } from "@/lib/insights/reembed";
import { anInsight, givenEpisode, givenInsights, givenReader, vectorAlong } from "./factories";

// Stored embeddings made by an older way of embedding are made again once, at start-up; ones
// made the current way are left alone.

async function storedVectors(): Promise<{ text: string; embedding: number[] }[]> {
  const db = await getDb();
  return rowsOf<{ text: string; embedding: string }>(
    await db.execute(sql`
      select headline || '. ' || body as text, embedding::text as embedding from insights`),
  ).map((r) => ({ text: r.text, embedding: JSON.parse(r.embedding) }));
}

describe("reembedIfStale", () => {
  it("embeds insights and interests again when the stored ones were made another way, once", async () => {
    const { episodeId } = await givenEpisode();
    const texts = ["Write the decision down", "Price on value, not cost", "Sleep before deciding"];
    // Vectors from "another way": unrelated to the text.
    await givenInsights(
      episodeId,
      texts.map((headline, n) =>
        anInsight({ headline, quote: `q${n}`, embedding: vectorAlong({ [n]: 1 }) }),
      ),
    );
    const reader = await givenReader();
    const db = await getDb();
    await db.insert(profiles).values({
      userId: reader.id,
      interests: "pricing and decisions",
      interestsEmbedding: vectorAlong({ 7: 1 }),
      feedBuiltAt: new Date(),
    });

    expect(await reembedIfStale()).toEqual({ insights: 3, readers: 1 });
    for (const { text, embedding } of await storedVectors()) {
      expect(cosine(embedding, localEmbedding(text))).toBeGreaterThan(0.9999);
    }
    const [profile] = await db.select().from(profiles);
    expect(
      cosine(profile?.interestsEmbedding ?? [], localEmbedding("pricing and decisions")),
    ).toBeGreaterThan(0.9999);
    expect(profile?.feedBuiltAt).toBeNull();

    // Made the current way now: the next start leaves them alone.
    expect(await reembedIfStale()).toEqual({ insights: 0, readers: 0 });
  });

  it("does nothing on a catalog without embeddings", async () => {
    expect(await reembedIfStale()).toEqual({ insights: 0, readers: 0 });
  });
});
