import "server-only";
import { and, cosineDistance, desc, eq, gt, inArray, isNotNull, ne, sql } from "drizzle-orm";
import { type Db, getDb, rowsOf } from "../client";
import {
  type EpisodeSoundbite,
  episodes,
  insights,
  insightTopics,
  podcasts,
  topics,
} from "../schema";
import { isUuid, searchText } from "./input";

// Reading insights: cards (one, a list, by ids), full-text search, and the nearest by embedding.
// Storing them: ./insight-writes.

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
    soundbites?: EpisodeSoundbite[] | null;
  };
  podcast: { id: string; title: string; imageUrl: string | null };
};

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
    soundbites: episodes.soundbites,
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
  if (!isUuid(id)) return null;
  const db = await getDb();
  const rows = await selectCards(db).where(eq(insights.id, id));
  const [card] = await withTopics(rows);
  return card ?? null;
}

/** The cards of the given insights, in the order given (unknown ids are left out). */
export async function insightCardsByIds({ ids }: { ids: string[] }): Promise<InsightCard[]> {
  const valid = ids.filter((id) => isUuid(id));
  if (valid.length === 0) return [];
  const db = await getDb();
  const rows = await selectCards(db).where(inArray(insights.id, valid));
  const byId = new Map((await withTopics(rows)).map((card) => [card.id, card]));
  return valid.flatMap((id) => byId.get(id) ?? []);
}

/** Insights on one topic made after `since`, best score first (newest on a tie), a page at a time. */
export async function bestInsightsOnTopic({
  slug,
  since,
  limit,
  offset = 0,
}: {
  slug: string;
  since: Date;
  limit: number;
  offset?: number;
}): Promise<InsightCard[]> {
  const db = await getDb();
  const onTopic = db
    .select({ id: insightTopics.insightId })
    .from(insightTopics)
    .where(eq(insightTopics.topicSlug, slug));
  const rows = await selectCards(db)
    .where(and(gt(insights.createdAt, since), inArray(insights.id, onTopic)))
    .orderBy(desc(insights.score), desc(insights.createdAt), insights.id)
    .limit(limit)
    .offset(offset);
  return withTopics(rows);
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
  if (!isUuid(insightId)) return [];
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
