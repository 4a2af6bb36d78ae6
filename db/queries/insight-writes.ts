import "server-only";
import { eq, inArray, sql } from "drizzle-orm";
import { getDb, rowsOf } from "../client";
import { episodes, type Grounding, insightLinks, insights, insightTopics } from "../schema";

// Storing insights: an episode's set, replaced as a whole when it is summarized (again), and the
// links between near-duplicates on different shows. Reading them: ./insights.

export type NewInsightInput = {
  headline: string;
  body: string;
  quote: string;
  quoteStartS: number | null;
  speaker: string | null;
  grounding: Grounding;
  score: number;
  topics: string[];
  embedding?: number[] | null;
};

/**
 * Makes the given insights the episode's insights, in one transaction. An insight whose quote is
 * unchanged keeps its id (and so every reader's saves, tags and brief links); the others are
 * added, and those no longer chosen are removed.
 */
export async function replaceEpisodeInsights({
  episodeId,
  model,
  promptVersion,
  items,
}: {
  episodeId: string;
  model: string;
  promptVersion: string;
  items: NewInsightInput[];
}): Promise<string[]> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const existing = await tx
      .select({ id: insights.id, quote: insights.quote })
      .from(insights)
      .where(eq(insights.episodeId, episodeId));
    const byQuote = new Map(existing.map((row) => [row.quote, row.id]));
    // Out of the way of the (episode, position) unique index while positions are reassigned.
    await tx
      .update(insights)
      .set({ position: sql`${insights.position} + 100000` })
      .where(eq(insights.episodeId, episodeId));
    const ids: string[] = [];
    for (const [position, item] of items.entries()) {
      const { topics: slugs, ...fields } = item;
      const values = { ...fields, episodeId, position, model, promptVersion };
      const keep = byQuote.get(item.quote);
      byQuote.delete(item.quote);
      const [row] = keep
        ? await tx
            .update(insights)
            .set(values)
            .where(eq(insights.id, keep))
            .returning({ id: insights.id })
        : await tx.insert(insights).values(values).returning({ id: insights.id });
      if (!row) throw new Error("storing an insight returned no row");
      ids.push(row.id);
      await tx.delete(insightTopics).where(eq(insightTopics.insightId, row.id));
      if (slugs.length > 0) {
        await tx
          .insert(insightTopics)
          .values(slugs.map((topicSlug) => ({ insightId: row.id, topicSlug })))
          .onConflictDoNothing();
      }
    }
    const dropped = [...byQuote.values()];
    if (dropped.length > 0) await tx.delete(insights).where(inArray(insights.id, dropped));
    return ids;
  });
}

/**
 * Links each of the given insights to near-duplicates on other shows (both directions), so the
 * feed can say "also said on …" instead of repeating the point. Returns the number of pairs linked.
 */
export async function linkNearDuplicates({
  insightIds,
  threshold,
}: {
  insightIds: string[];
  threshold: number;
}): Promise<number> {
  if (insightIds.length === 0) return 0;
  const db = await getDb();
  const ids = sql.join(
    insightIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const pairs = rowsOf<{ a: string; b: string; similarity: number }>(
    await db.execute(sql`
      select self.id as a, near.id as b, near.similarity
      from ${insights} self
      join ${episodes} se on se.id = self.episode_id
      cross join lateral (
        select other.id, 1 - (other.embedding <=> self.embedding) as similarity
        from ${insights} other
        join ${episodes} oe on oe.id = other.episode_id
        where other.id <> self.id and other.embedding is not null and oe.podcast_id <> se.podcast_id
        order by other.embedding <=> self.embedding
        limit 10
      ) near
      where self.id in (${ids}) and self.embedding is not null and near.similarity >= ${threshold}`),
  );
  if (pairs.length === 0) return 0;
  const values = pairs.flatMap((p) => [
    { insightId: p.a, otherId: p.b, similarity: Number(p.similarity) },
    { insightId: p.b, otherId: p.a, similarity: Number(p.similarity) },
  ]);
  await db.insert(insightLinks).values(values).onConflictDoNothing();
  return pairs.length;
}
