import "server-only";
import { and, cosineDistance, desc, eq, inArray, isNotNull, ne, sql } from "drizzle-orm";
import { type Db, getDb, rowsOf } from "../client";
import {
  episodes,
  type Grounding,
  insightLinks,
  insights,
  insightTopics,
  podcasts,
  topics,
} from "../schema";
import { searchText } from "./input";

export type InsightCard = {
  id: string;
  headline: string;
  body: string;
  quote: string;
  quoteStartS: number | null;
  speaker: string | null;
  createdAt: Date;
  topics: { slug: string; label: string }[];
  episode: {
    id: string;
    title: string;
    link: string | null;
    audioUrl: string | null;
    publishedAt: Date | null;
  };
  podcast: { id: string; title: string; imageUrl: string | null };
};

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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const cardColumns = {
  id: insights.id,
  headline: insights.headline,
  body: insights.body,
  quote: insights.quote,
  quoteStartS: insights.quoteStartS,
  speaker: insights.speaker,
  createdAt: insights.createdAt,
  episode: {
    id: episodes.id,
    title: episodes.title,
    link: episodes.link,
    audioUrl: episodes.audioUrl,
    publishedAt: episodes.publishedAt,
  },
  podcast: { id: podcasts.id, title: podcasts.title, imageUrl: podcasts.imageUrl },
};

function selectCards(db: Db) {
  return db
    .select(cardColumns)
    .from(insights)
    .innerJoin(episodes, eq(episodes.id, insights.episodeId))
    .innerJoin(podcasts, eq(podcasts.id, episodes.podcastId));
}

const newestFirst = [
  sql`coalesce(${episodes.publishedAt}, ${insights.createdAt}) desc`,
  desc(insights.createdAt),
  insights.position,
  insights.id,
];

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

/** Insights, newest episode first. */
export async function listInsights({
  limit = 30,
}: {
  limit?: number;
} = {}): Promise<InsightCard[]> {
  const db = await getDb();
  const rows = await selectCards(db)
    .orderBy(...newestFirst)
    .limit(limit);
  return withTopics(rows);
}

export async function getInsight({ id }: { id: string }): Promise<InsightCard | null> {
  if (!UUID.test(id)) return null;
  const db = await getDb();
  const rows = await selectCards(db).where(eq(insights.id, id));
  const [card] = await withTopics(rows);
  return card ?? null;
}

/** The cards of the given insights, in the order given (unknown ids are left out). */
export async function insightCardsByIds({ ids }: { ids: string[] }): Promise<InsightCard[]> {
  const valid = ids.filter((id) => UUID.test(id));
  if (valid.length === 0) return [];
  const db = await getDb();
  const rows = await selectCards(db).where(inArray(insights.id, valid));
  const byId = new Map((await withTopics(rows)).map((card) => [card.id, card]));
  return valid.flatMap((id) => byId.get(id) ?? []);
}

/** Full-text search over headline, body and quote, best match first. */
export async function searchInsights({
  query,
  limit = 30,
}: {
  query: string;
  limit?: number;
}): Promise<InsightCard[]> {
  const db = await getDb();
  const tsquery = sql`websearch_to_tsquery('english', ${searchText(query)})`;
  const rows = await selectCards(db)
    .where(sql`${insights.searchVector} @@ ${tsquery}`)
    .orderBy(sql`ts_rank(${insights.searchVector}, ${tsquery}) desc`, insights.id)
    .limit(limit);
  return withTopics(rows);
}

/** Insights closest to an embedding by cosine distance (the HNSW index serves this order). */
export async function nearestInsights({
  embedding,
  excludeId,
  limit = 8,
}: {
  embedding: number[];
  excludeId?: string;
  limit?: number;
}): Promise<{ id: string; headline: string; similarity: number }[]> {
  const db = await getDb();
  const distance = cosineDistance(insights.embedding, embedding);
  return db
    .select({
      id: insights.id,
      headline: insights.headline,
      similarity: sql<number>`1 - (${distance})`.mapWith(Number),
    })
    .from(insights)
    .where(and(isNotNull(insights.embedding), excludeId ? ne(insights.id, excludeId) : undefined))
    .orderBy(distance)
    .limit(limit);
}

async function withTopics(rows: Omit<InsightCard, "topics">[]): Promise<InsightCard[]> {
  if (rows.length === 0) return [];
  const db = await getDb();
  const links = await db
    .select({ insightId: insightTopics.insightId, slug: topics.slug, label: topics.label })
    .from(insightTopics)
    .innerJoin(topics, eq(topics.slug, insightTopics.topicSlug))
    .where(
      inArray(
        insightTopics.insightId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(topics.label);
  const byInsight = Map.groupBy(links, (l) => l.insightId);
  return rows.map((row) => ({
    ...row,
    topics: (byInsight.get(row.id) ?? []).map(({ slug, label }) => ({ slug, label })),
  }));
}

export type RelatedInsight = {
  id: string;
  headline: string;
  similarity: number;
  podcastTitle: string;
  episodeTitle: string;
};

/**
 * The insights closest to one insight, from other episodes only, above a similarity floor.
 * Ordered by cosine distance so the HNSW index can serve it.
 */
export async function relatedInsights({
  insightId,
  limit = 6,
  floor,
}: {
  insightId: string;
  limit?: number;
  /** The least similarity worth listing; it depends on the embedding (lib/insights/similarity). */
  floor: number;
}): Promise<RelatedInsight[]> {
  if (!UUID.test(insightId)) return [];
  const db = await getDb();
  // The target vector as a scalar subquery, so the ORDER BY is "distance to a constant" and the
  // HNSW index can serve it; ties are broken outside, where they cannot stop the index being used.
  const target = sql`(select embedding from ${insights} where id = ${insightId})`;
  const rows = await db.execute(sql`
    select near.id, near.headline, 1 - near.distance as similarity,
           p.title as podcast_title, e.title as episode_title
    from (select other.id, other.headline, other.episode_id, other.embedding <=> ${target} as distance
          from ${insights} other
          where other.embedding is not null
            and other.episode_id <> (select episode_id from ${insights} where id = ${insightId})
          order by other.embedding <=> ${target}
          limit ${limit * 2}) near
    join ${episodes} e on e.id = near.episode_id
    join ${podcasts} p on p.id = e.podcast_id
    order by near.distance, near.id`);
  return rowsOf<{
    id: string;
    headline: string;
    similarity: number;
    podcast_title: string;
    episode_title: string;
  }>(rows)
    .map((r) => ({
      id: r.id,
      headline: r.headline,
      similarity: Number(r.similarity),
      podcastTitle: r.podcast_title,
      episodeTitle: r.episode_title,
    }))
    .filter((r) => r.similarity >= floor)
    .slice(0, limit);
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
