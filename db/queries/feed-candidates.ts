import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { getDb, rowsOf } from "../client";
import { isUuid, searchText } from "./input";

// Candidates for a reader's feed, with the numbers lib/rank scores them by, in one statement.
// The pool is a few hundred recent insights drawn by index-friendly branches (followed shows,
// followed topics, nearest to the reader's taste, best overall); the scoring itself is in lib/rank.

export type FeedFilter = { topic?: string; podcastId?: string; q?: string };

export type FeedCandidateRow = {
  id: string;
  episodeId: string;
  podcastId: string;
  podcastTitle: string;
  createdAt: Date;
  /** Insight quality in [0, 1] (lib/insights/quality). */
  quality: number;
  topics: { slug: string; label: string }[];
  followedShow: boolean;
  /** Cosine similarity to the reader's interests text, or null when there is none. */
  interestSimilarity: number | null;
  /** Cosine similarity to the centroid of the reader's saved insights. */
  savedSimilarity: number | null;
  /** Highest similarity to an insight the reader marked "more like this". */
  moreSimilarity: number | null;
  /** Highest similarity to an insight the reader marked "less like this". */
  lessSimilarity: number | null;
  /** Relevance to the search, when there is one. */
  textRank: number | null;
  /** Insights on other shows that make the same point. */
  duplicates: { id: string; podcastTitle: string }[];
};

/**
 * How many insights each branch of a reader's pool draws (lib/rank/pool sets them): newest of
 * followed shows, newest of followed topics, nearest to their taste among the newest `recent`,
 * and best overall.
 */
export type PoolSizes = Record<"followed" | "topics" | "recent" | "taste" | "best", number>;

/** Insights on other shows that make the same point as `insightId`, as a JSON list. */
export function duplicatesOf(insightId: SQL): SQL {
  return sql`(select coalesce(json_agg(json_build_object('id', l.other_id,
                                                         'podcastTitle', lp.title)), '[]'::json)
                from insight_links l
                join insights li on li.id = l.other_id
                join episodes le on le.id = li.episode_id
                join podcasts lp on lp.id = le.podcast_id
               where l.insight_id = ${insightId})`;
}

/** What ranking needs of an insight that is the same for every reader. */
export type InsightFeatures = Pick<
  FeedCandidateRow,
  | "id"
  | "episodeId"
  | "podcastId"
  | "podcastTitle"
  | "createdAt"
  | "quality"
  | "topics"
  | "duplicates"
>;

/** The columns of InsightFeatures as a query returns them (JSON may arrive as text). */
export type InsightFeaturesRow = {
  id: string;
  episode_id: string;
  podcast_id: string;
  podcast_title: string;
  created_at: string | Date;
  quality: number;
  topics: { slug: string; label: string }[] | string | null;
  duplicates: { id: string; podcastTitle: string }[] | string | null;
};

export function insightFeaturesOf(r: InsightFeaturesRow): InsightFeatures {
  const json = <T>(value: T | string | null, fallback: T): T =>
    value === null ? fallback : typeof value === "string" ? (JSON.parse(value) as T) : value;
  return {
    id: r.id,
    episodeId: r.episode_id,
    podcastId: r.podcast_id,
    podcastTitle: r.podcast_title,
    createdAt: new Date(r.created_at),
    quality: Number(r.quality),
    topics: json(r.topics, []),
    duplicates: json(r.duplicates, []),
  };
}

function poolFor({
  filter,
  sizes,
  since,
  asOf,
}: {
  filter: FeedFilter;
  sizes: PoolSizes;
  since: string;
  asOf: string;
}): SQL {
  const window = sql`i.created_at > ${since}::timestamptz and i.created_at <= ${asOf}::timestamptz`;
  const q = filter.q?.trim();
  if (q || filter.topic || filter.podcastId) {
    // Filters narrow together: a search within a topic within a show.
    const tsquery = sql`websearch_to_tsquery('english', ${q ?? ""})`;
    const conditions = [
      window,
      q ? sql`i.search_vector @@ ${tsquery}` : null,
      filter.topic
        ? sql`exists (select 1 from insight_topics t
                      where t.insight_id = i.id and t.topic_slug = ${filter.topic})`
        : null,
      filter.podcastId ? sql`e.podcast_id = ${filter.podcastId}` : null,
    ].filter((c) => c !== null);
    return sql`select i.id from insights i join episodes e on e.id = i.episode_id
      where ${sql.join(conditions, sql` and `)}
      order by ${q ? sql`ts_rank(i.search_vector, ${tsquery}) desc` : sql`i.created_at desc`}
      limit 300`;
  }
  return sql`(select i.id from insights i join episodes e on e.id = i.episode_id
              where ${window} and e.podcast_id in (select podcast_id from followed)
              order by i.created_at desc limit ${sizes.followed})
    union
    (select i.id from insights i
     where ${window} and exists (select 1 from insight_topics t
                                 where t.insight_id = i.id
                                   and t.topic_slug = any((select topics from reader)::text[]))
     order by i.created_at desc limit ${sizes.topics})
    union
    (select r.id from (select i.id, i.embedding from insights i where ${window}
                       order by i.created_at desc limit ${sizes.recent}) r, reader
     where reader.saved is not null or reader.interests is not null
     order by least(r.embedding <=> reader.saved, r.embedding <=> reader.interests)
     limit ${sizes.taste})
    union
    (select i.id from insights i where ${window} order by i.score desc nulls last
     limit ${sizes.best})`;
}

/**
 * The reader's taste as of `asOf` (so later pages rank the same way), as common table
 * expressions: `reader` (interests, the centroid of recent saves, followed topics), `followed`
 * (shows) and `feedback` (the latest "more" and "less").
 */
function tasteOf(reader: string, asOf: string): SQL {
  return sql`reader as (
        select (select interests_embedding from profiles where user_id = ${reader}) as interests,
               (select avg(si.embedding)
                  from (select insight_id from saves
                        where user_id = ${reader} and created_at <= ${asOf}::timestamptz
                        order by created_at desc limit 50) s
                  join insights si on si.id = s.insight_id) as saved,
               coalesce((select followed_topics from profiles where user_id = ${reader}),
                        '{}'::text[]) as topics
      ),
      followed as (select podcast_id from follows where user_id = ${reader}),
      feedback as (
        (select 'more' as kind, fi.embedding from events ev join insights fi on fi.id = ev.insight_id
         where ev.user_id = ${reader} and ev.kind in ('more', 'click')
           and ev.created_at <= ${asOf}::timestamptz
         order by ev.created_at desc limit 20)
        union all
        (select 'less' as kind, fi.embedding from events ev join insights fi on fi.id = ev.insight_id
         where ev.user_id = ${reader} and ev.kind = 'less'
           and ev.created_at <= ${asOf}::timestamptz
         order by ev.created_at desc limit 20)
      )`;
}

type CandidateRow = InsightFeaturesRow & {
  followed_show: boolean;
  interest_similarity: number | null;
  saved_similarity: number | null;
  more_similarity: number | null;
  less_similarity: number | null;
  text_rank: number | null;
};

function candidateOf(r: CandidateRow): FeedCandidateRow {
  const num = (value: number | string | null) => (value === null ? null : Number(value));
  return {
    ...insightFeaturesOf(r),
    followedShow: Boolean(r.followed_show),
    interestSimilarity: num(r.interest_similarity),
    savedSimilarity: num(r.saved_similarity),
    moreSimilarity: num(r.more_similarity),
    lessSimilarity: num(r.less_similarity),
    textRank: num(r.text_rank),
  };
}

/**
 * The candidate pool for a reader (or for a signed-out visitor when `userId` is null): insights
 * created in (since, asOf], minus those the reader dismissed, with their ranking features.
 */
export async function feedCandidates({
  userId,
  filter = {},
  pool: sizes,
  since,
  asOf,
}: {
  userId: string | null;
  filter?: FeedFilter;
  /** How many each branch of an unfiltered pool draws (lib/rank/pool's FEED_POOL). */
  pool: PoolSizes;
  since: Date;
  asOf: Date;
}): Promise<FeedCandidateRow[]> {
  const db = await getDb();
  const reader = userId ?? "";
  const cleanFilter: FeedFilter = {
    ...filter,
    podcastId: filter.podcastId && isUuid(filter.podcastId) ? filter.podcastId : undefined,
    q: filter.q === undefined ? undefined : searchText(filter.q),
  };
  if (filter.podcastId && !cleanFilter.podcastId) return [];
  // Taste (saves, more / less) is read as of the cursor's moment, so later pages rank the same
  // way; a dismissal takes effect at once.
  const asOfText = asOf.toISOString();
  const pool = poolFor({
    filter: cleanFilter,
    sizes,
    since: since.toISOString(),
    asOf: asOfText,
  });
  const textRank = cleanFilter.q?.trim()
    ? sql`ts_rank(i.search_vector, websearch_to_tsquery('english', ${cleanFilter.q}))`
    : sql`null::real`;
  const rows = rowsOf<CandidateRow>(
    await db.execute(sql`
      with ${tasteOf(reader, asOfText)},
      pool as (${pool}),
      topic_lists as (
        select it.insight_id, json_agg(json_build_object('slug', tp.slug, 'label', tp.label)
                                       order by tp.label) as topics
        from pool join insight_topics it on it.insight_id = pool.id
        join topics tp on tp.slug = it.topic_slug group by it.insight_id)
      select i.id, i.episode_id, e.podcast_id, p.title as podcast_title, i.created_at,
             i.score as quality,
             e.podcast_id in (select podcast_id from followed) as followed_show,
             1 - (i.embedding <=> reader.interests) as interest_similarity,
             -- An insight the reader saved is not "like insights you saved" because of itself.
             case when exists (select 1 from saves own
                               where own.user_id = ${reader} and own.insight_id = i.id)
                  then null else 1 - (i.embedding <=> reader.saved) end as saved_similarity,
             (select max(1 - (i.embedding <=> f.embedding)) from feedback f
              where f.kind = 'more') as more_similarity,
             (select max(1 - (i.embedding <=> f.embedding)) from feedback f
              where f.kind = 'less') as less_similarity,
             ${textRank} as text_rank,
             coalesce(tl.topics, '[]'::json) as topics,
             ${duplicatesOf(sql`i.id`)} as duplicates
      from pool
      join insights i on i.id = pool.id
      join episodes e on e.id = i.episode_id
      join podcasts p on p.id = e.podcast_id
      cross join reader
      left join topic_lists tl on tl.insight_id = i.id
      where not exists (select 1 from events d where d.user_id = ${reader}
                          and d.kind = 'dismiss' and d.insight_id = i.id)`),
  );
  return rows.map(candidateOf);
}
