import "server-only";
import { sql } from "drizzle-orm";
import { getDb, rowsOf } from "../client";
import { isTimestamp, isUuid, searchText } from "./input";

// Reading the library back: the /saved page (filtered by tags, searched) and the exports.

export type LibraryEntry = {
  saveId: string;
  insightId: string;
  savedAt: Date;
  /** Pass as `after` to get the page that follows this entry (exact to the microsecond). */
  cursor: string;
};

/** The reader's saves, newest first; with `tags`, only saves carrying every one of them. */
export async function listLibrary({
  userId,
  tags = [],
  q = "",
  limit = 50,
  after,
  since,
}: {
  userId: string;
  tags?: string[];
  q?: string;
  limit?: number;
  /** The cursor of the last entry of the previous page. */
  after?: string;
  /** Only saves made, or whose note or tags changed, at or after this time. */
  since?: Date;
}): Promise<LibraryEntry[]> {
  const db = await getDb();
  const tagFilter =
    tags.length > 0
      ? sql`and (select count(distinct t.name) from save_tags st join tags t on t.id = st.tag_id
                 where st.save_id = s.id and t.user_id = ${userId}
                   and t.name in (${sql.join(
                     tags.map((t) => sql`${t}`),
                     sql`, `,
                   )})) = ${new Set(tags).size}`
      : sql``;
  const typed = searchText(q);
  const search = typed
    ? sql`and (i.search_vector @@ websearch_to_tsquery('english', ${typed})
               or s.note ilike ${`%${typed.replace(/[\\%_]/g, (c) => `\\${c}`)}%`})`
    : sql``;
  const [afterTime, afterId] = after?.split("_") ?? [];
  const cursor =
    afterTime &&
    afterId &&
    isUuid(afterId) &&
    /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/.test(afterTime) &&
    isTimestamp(afterTime)
      ? sql`and (s.created_at, s.id) < (${afterTime}::timestamp at time zone 'UTC', ${afterId}::uuid)`
      : sql``;
  const from = since ? sql`and s.updated_at >= ${since.toISOString()}::timestamptz` : sql``;
  const rows = rowsOf<{
    save_id: string;
    insight_id: string;
    saved_at: string | Date;
    exact: string;
  }>(
    await db.execute(sql`
      select s.id as save_id, s.insight_id, s.created_at as saved_at,
             to_char(s.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as exact
      from saves s join insights i on i.id = s.insight_id
      where s.user_id = ${userId} ${tagFilter} ${search} ${cursor} ${from}
      order by s.created_at desc, s.id desc
      limit ${limit}`),
  );
  return rows.map((r) => ({
    saveId: r.save_id,
    insightId: r.insight_id,
    savedAt: new Date(r.saved_at),
    cursor: `${r.exact}_${r.save_id}`,
  }));
}

export type ExportRow = {
  saveId: string;
  insightId: string;
  headline: string;
  body: string;
  quote: string;
  speaker: string | null;
  /** Seconds into the episode, may be fractional. */
  quoteStartS: number | null;
  /** Topic labels, e.g. "Leadership". */
  topics: string[];
  podcastTitle: string;
  episodeTitle: string;
  /** The episode's web page. */
  episodeUrl: string | null;
  audioUrl: string | null;
  publishedAt: Date | null;
  savedAt: Date;
  note: string | null;
  /** The reader's tag names, e.g. "to-try". */
  tags: string[];
};

/** Everything the reader saved, with tags and topics, newest save first. */
export async function exportLibrary({
  userId,
  limit = 10_000,
}: {
  userId: string;
  limit?: number;
}): Promise<ExportRow[]> {
  const db = await getDb();
  const rows = rowsOf<{
    save_id: string;
    insight_id: string;
    headline: string;
    body: string;
    quote: string;
    speaker: string | null;
    quote_start_s: number | null;
    topics: string[] | null;
    podcast_title: string;
    episode_title: string;
    episode_url: string | null;
    audio_url: string | null;
    published_at: string | Date | null;
    saved_at: string | Date;
    note: string | null;
    tags: string[] | null;
  }>(
    await db.execute(sql`
      select s.id as save_id, i.id as insight_id, i.headline, i.body, i.quote, i.speaker,
             i.quote_start_s, p.title as podcast_title, e.title as episode_title,
             e.link as episode_url, e.audio_url, e.published_at, s.created_at as saved_at, s.note,
             array(select tp.label from insight_topics it join topics tp on tp.slug = it.topic_slug
                   where it.insight_id = i.id order by tp.label) as topics,
             array(select t.name from save_tags st join tags t on t.id = st.tag_id
                   where st.save_id = s.id order by t.name) as tags
      from saves s
      join insights i on i.id = s.insight_id
      join episodes e on e.id = i.episode_id
      join podcasts p on p.id = e.podcast_id
      where s.user_id = ${userId}
      order by s.created_at desc, s.id
      limit ${limit}`),
  );
  return rows.map((r) => ({
    saveId: r.save_id,
    insightId: r.insight_id,
    headline: r.headline,
    body: r.body,
    quote: r.quote,
    speaker: r.speaker,
    quoteStartS: r.quote_start_s === null ? null : Number(r.quote_start_s),
    topics: r.topics ?? [],
    podcastTitle: r.podcast_title,
    episodeTitle: r.episode_title,
    episodeUrl: r.episode_url,
    audioUrl: r.audio_url,
    publishedAt: r.published_at ? new Date(r.published_at) : null,
    savedAt: new Date(r.saved_at),
    note: r.note,
    tags: r.tags ?? [],
  }));
}
