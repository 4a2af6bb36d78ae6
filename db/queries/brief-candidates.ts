import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { getDb, rowsOf } from "../client";
import {
  duplicatesOf,
  type FeedCandidateRow,
  type InsightFeatures,
  type InsightFeaturesRow,
  insightFeaturesOf,
  type PoolSizes,
} from "./feed-candidates";

// The brief's candidates for a whole group of readers in one statement: each reader's pool drawn
// the way their feed's is (db/queries/feed-candidates, a quarter of its size: lib/rank/pool), from the
// insights of the brief's window that clear the quality bar, with that reader's similarities, less
// what they have already had (another brief, an insight opened or clicked) or dismissed. What
// does not depend on the reader (topics, show, near-duplicates) comes once per insight from
// insightFeatures.

export type BriefReaderQuery = { userId: string; briefId?: string };

/** One candidate's numbers for one reader. */
export type ReaderSignals = Pick<
  FeedCandidateRow,
  | "id"
  | "followedShow"
  | "interestSimilarity"
  | "savedSimilarity"
  | "moreSimilarity"
  | "lessSimilarity"
>;

type CandidateRow = {
  user_id: string;
  id: string;
  followed_show: boolean;
  interest_similarity: number | null;
  saved_similarity: number | null;
  more_similarity: number | null;
  less_similarity: number | null;
};

/** Candidates per reader (readers without any are absent from the map). */
export async function briefCandidates({
  readers,
  since,
  asOf,
  minQuality,
  pool: sizes,
}: {
  readers: BriefReaderQuery[];
  since: Date;
  asOf: Date;
  minQuality: number;
  /** The pool's sizes (lib/rank/pool's BRIEF_POOL). */
  pool: PoolSizes;
}): Promise<Map<string, ReaderSignals[]>> {
  if (readers.length === 0) return new Map();
  const db = await getDb();
  const list = JSON.stringify(readers.map((r) => ({ user_id: r.userId, brief_id: r.briefId })));
  const at = asOf.toISOString();
  const rows = await db.transaction(async (tx) => {
    // Measured on 100 readers (bench:brief): with merge joins the planner sorts ten thousand wide
    // rows (each carries its reader's vectors) and takes three times as long as with hash joins.
    // The statement is too cheap for JIT compiling to pay off.
    await tx.execute(sql`set local enable_mergejoin = off`);
    await tx.execute(sql`set local jit = off`);
    return rowsOf<CandidateRow>(
      await tx.execute(sql`
        with r as materialized (${readerContext(list, at)}),
        w as materialized (
          select i.id, i.embedding, i.created_at, i.score, e.podcast_id,
                 array(select t.topic_slug from insight_topics t where t.insight_id = i.id) as topics
          from insights i join episodes e on e.id = i.episode_id
          where i.created_at > ${since.toISOString()}::timestamptz and i.created_at <= ${at}::timestamptz
            -- (+ 0: the window's index finds these few rows; the score index would add thousands)
            and i.score + 0 >= ${minQuality}
        ),
        recent as materialized (
          select id, embedding from w order by created_at desc limit ${sizes.recent}
        ),
        pool as (${readerPools(sizes)})
        select pool.user_id, pool.id, w.podcast_id = any(r.shows) as followed_show,
               1 - (w.embedding <=> r.interests) as interest_similarity,
               1 - (w.embedding <=> r.saved) as saved_similarity,
               (select max(1 - (w.embedding <=> m)) from unnest(r.more) m) as more_similarity,
               (select max(1 - (w.embedding <=> l)) from unnest(r.less) l) as less_similarity
        from pool
        join r on r.user_id = pool.user_id
        join w on w.id = pool.id
        where not (pool.id = any(r.seen))`),
    );
  });
  return byReader(rows);
}

/**
 * Per reader: their interests, followed topics and shows, the mean of their recent saves, what
 * they asked for more and less of, and what they have already seen (opened, clicked, dismissed,
 * or had in another brief).
 */
function readerContext(list: string, at: string): SQL {
  return sql`
    select x.user_id, p.interests_embedding as interests,
           coalesce(p.followed_topics, '{}'::text[]) as topics,
           array(select f.podcast_id from follows f where f.user_id = x.user_id) as shows,
           (select avg(si.embedding)
              from (select s.insight_id from saves s
                    where s.user_id = x.user_id and s.created_at <= ${at}::timestamptz
                    order by s.created_at desc limit 50) s
              join insights si on si.id = s.insight_id) as saved,
           array(select fi.embedding from events ev join insights fi on fi.id = ev.insight_id
                 where ev.user_id = x.user_id and ev.kind in ('more', 'click')
                   and ev.created_at <= ${at}::timestamptz
                 order by ev.created_at desc limit 20) as more,
           array(select fi.embedding from events ev join insights fi on fi.id = ev.insight_id
                 where ev.user_id = x.user_id and ev.kind = 'less'
                   and ev.created_at <= ${at}::timestamptz
                 order by ev.created_at desc limit 20) as less,
           array(select ev.insight_id from events ev
                 where ev.user_id = x.user_id and ev.kind in ('open', 'click', 'dismiss')
                   and ev.insight_id is not null
                 union
                 select bi.insight_id from briefs b join brief_items bi on bi.brief_id = b.id
                 where b.user_id = x.user_id and b.status <> 'skipped'
                   and b.id is distinct from x.brief_id) as seen
    from jsonb_to_recordset(${list}::jsonb) as x(user_id text, brief_id uuid)
    left join profiles p on p.user_id = x.user_id`;
}

/** Each reader's pool, drawn from the window (w) as the feed's is: followed, topics, taste, best. */
function readerPools(sizes: PoolSizes): SQL {
  return sql`
  select user_id, id from (
    select r.user_id, w.id,
           row_number() over (partition by r.user_id order by w.created_at desc) as k
    from r join w on w.podcast_id = any(r.shows)) followed
  where k <= ${sizes.followed}
  union
  select r.user_id, c.id from r cross join lateral (
    select w.id from w where w.topics && r.topics
    order by w.created_at desc limit ${sizes.topics}) c
  union
  select r.user_id, c.id from r cross join lateral (
    select recent.id from recent where r.saved is not null or r.interests is not null
    order by least(recent.embedding <=> r.saved, recent.embedding <=> r.interests)
    limit ${sizes.taste}) c
  union
  select r.user_id, b.id from r
  cross join (select id from w order by score desc limit ${sizes.best}) b`;
}

function byReader(rows: CandidateRow[]): Map<string, ReaderSignals[]> {
  const grouped = new Map<string, ReaderSignals[]>();
  const num = (value: number | string | null) => (value === null ? null : Number(value));
  for (const row of rows) {
    let list = grouped.get(row.user_id);
    if (!list) {
      list = [];
      grouped.set(row.user_id, list);
    }
    list.push({
      id: row.id,
      followedShow: Boolean(row.followed_show),
      interestSimilarity: num(row.interest_similarity),
      savedSimilarity: num(row.saved_similarity),
      moreSimilarity: num(row.more_similarity),
      lessSimilarity: num(row.less_similarity),
    });
  }
  return grouped;
}

/** The reader-independent features of these insights (unknown ids are left out). */
export async function insightFeatures({ ids }: { ids: string[] }): Promise<InsightFeatures[]> {
  if (ids.length === 0) return [];
  const db = await getDb();
  const rows = rowsOf<InsightFeaturesRow>(
    await db.execute(sql`
      select i.id, i.episode_id, e.podcast_id, p.title as podcast_title, i.created_at,
             i.score as quality,
             (select coalesce(json_agg(json_build_object('slug', tp.slug, 'label', tp.label)
                                       order by tp.label), '[]'::json)
                from insight_topics it join topics tp on tp.slug = it.topic_slug
               where it.insight_id = i.id) as topics,
             ${duplicatesOf(sql`i.id`)} as duplicates
      from insights i
      join episodes e on e.id = i.episode_id
      join podcasts p on p.id = e.podcast_id
      where i.id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid)`),
  );
  return rows.map(insightFeaturesOf);
}
