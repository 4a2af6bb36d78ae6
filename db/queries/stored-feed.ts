import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { type Db, getDb, rowsOf } from "../client";
import { type EpisodeSoundbite, feedEntries, profiles } from "../schema";
import type { InsightCard } from "./insights";

// A reader's stored, ranked feed: written when lib/feed ranks it, read a page at a time.

export type StoredEntry = {
  insightId: string;
  reason: string;
  alsoOn: string[];
  topics: { slug: string; label: string }[];
};

export async function storeFeed({
  userId,
  builtAt,
  entries,
}: {
  userId: string;
  builtAt: Date;
  entries: StoredEntry[];
}): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.delete(feedEntries).where(eq(feedEntries.userId, userId));
    if (entries.length > 0) {
      // One statement for the whole list: a JSON parameter unpacked by the database.
      const rows = JSON.stringify(entries.map((e, position) => ({ ...e, position })));
      await tx.execute(sql`
        insert into feed_entries (user_id, position, insight_id, reason, also_on, topics)
        select ${userId}, r.position, r."insightId", r.reason,
               array(select jsonb_array_elements_text(r."alsoOn")), r.topics
        from jsonb_to_recordset(${rows}::jsonb)
          as r(position int, "insightId" uuid, reason text, "alsoOn" jsonb, topics jsonb)`);
    }
    await tx.update(profiles).set({ feedBuiltAt: builtAt }).where(eq(profiles.userId, userId));
  });
}

/**
 * The reader's feed must be ranked again before it is shown (lib/reader-changes says when);
 * `db` is the transaction of the change that made it so, when there is one.
 */
export async function markFeedStale({ userId, db }: { userId: string; db?: Db }): Promise<void> {
  const executor = db ?? (await getDb());
  await executor.update(profiles).set({ feedBuiltAt: null }).where(eq(profiles.userId, userId));
}

/** Takes one insight out of the reader's stored feed (dismissed), keeping the rest in place. */
export async function dropFeedEntry({
  userId,
  insightId,
}: {
  userId: string;
  insightId: string;
}): Promise<void> {
  const db = await getDb();
  await db
    .delete(feedEntries)
    .where(and(eq(feedEntries.userId, userId), eq(feedEntries.insightId, insightId)));
}

export type StoredFeedPage = {
  builtAt: Date | null;
  /** When the newest insight of the catalog was made: a feed built before it is out of date. */
  newestInsightAt: Date | null;
  entries: (InsightCard & { position: number; reason: string; alsoOn: string[] })[];
};

type StoredEntryRow = {
  built_at: string | Date | null;
  newest: string | Date | null;
  position: number | null;
  reason: string | null;
  also_on: string[] | null;
  id: string | null;
  headline: string;
  body: string;
  quote: string;
  quote_start_s: number | null;
  speaker: string | null;
  created_at: string | Date;
  episode_id: string;
  episode_title: string;
  episode_link: string | null;
  audio_url: string | null;
  soundbites: EpisodeSoundbite[] | string | null;
  published_at: string | Date | null;
  podcast_id: string;
  podcast_title: string;
  image_url: string | null;
  topics: { slug: string; label: string }[] | string | null;
};

const dateOf = (v: string | Date | null) => (v === null ? null : new Date(v));

/** A row's card, or none for the row that only carries the feed's state (an empty page). */
function storedEntriesOf(r: StoredEntryRow): StoredFeedPage["entries"] {
  if (r.id === null || r.position === null) return [];
  return [
    {
      position: r.position,
      reason: r.reason ?? "",
      alsoOn: r.also_on ?? [],
      id: r.id,
      headline: r.headline,
      body: r.body,
      quote: r.quote,
      quoteStartS: r.quote_start_s === null ? null : Number(r.quote_start_s),
      speaker: r.speaker,
      createdAt: new Date(r.created_at),
      topics: typeof r.topics === "string" ? JSON.parse(r.topics) : (r.topics ?? []),
      episode: {
        id: r.episode_id,
        title: r.episode_title,
        link: r.episode_link,
        audioUrl: r.audio_url,
        soundbites: typeof r.soundbites === "string" ? JSON.parse(r.soundbites) : r.soundbites,
        publishedAt: dateOf(r.published_at),
      },
      podcast: { id: r.podcast_id, title: r.podcast_title, imageUrl: r.image_url },
    },
  ];
}

/** One page of the stored feed from `from` (a position), with what tells whether it is current. */
export async function readFeedPage({
  userId,
  from,
  limit,
}: {
  userId: string;
  from: number;
  limit: number;
}): Promise<StoredFeedPage> {
  const db = await getDb();
  const rows = rowsOf<StoredEntryRow>(
    await db.execute(sql`
      with state as (
        select (select feed_built_at from profiles where user_id = ${userId}) as built_at,
               (select max(created_at) from insights) as newest
      )
      select state.built_at, state.newest, fe.position, fe.reason, fe.also_on, fe.topics,
             i.id, i.headline, i.body, i.quote, i.quote_start_s, i.speaker, i.created_at,
             e.id as episode_id, e.title as episode_title, e.link as episode_link, e.audio_url,
             e.soundbites,
             e.published_at, p.id as podcast_id, p.title as podcast_title, p.image_url
      from state
      left join lateral (select * from feed_entries f
                         where f.user_id = ${userId} and f.position >= ${from}
                         order by f.position limit ${limit}) fe on true
      left join insights i on i.id = fe.insight_id
      left join episodes e on e.id = i.episode_id
      left join podcasts p on p.id = e.podcast_id
      order by fe.position`),
  );
  const first = rows[0];
  return {
    builtAt: dateOf(first?.built_at ?? null),
    newestInsightAt: dateOf(first?.newest ?? null),
    entries: rows.flatMap(storedEntriesOf),
  };
}
