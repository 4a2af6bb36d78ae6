import "server-only";
import { and, asc, count, eq, isNull, lt, lte, or, sql } from "drizzle-orm";
import { getDb, rowsOf } from "../client";
import { episodes, type NewEpisode, type Podcast, podcasts } from "../schema";

// Feeds as work units: claimed with a lease, checked, and released with the outcome.

/** Adds a show by feed URL; an already known URL returns the existing show. */
export async function addPodcast({
  feedUrl,
}: {
  feedUrl: string;
}): Promise<{ id: string; created: boolean }> {
  const db = await getDb();
  const [created] = await db
    .insert(podcasts)
    .values({ feedUrl })
    .onConflictDoNothing({ target: podcasts.feedUrl })
    .returning({ id: podcasts.id });
  if (created) return { id: created.id, created: true };
  const [existing] = await db
    .select({ id: podcasts.id })
    .from(podcasts)
    .where(eq(podcasts.feedUrl, feedUrl));
  if (!existing) throw new Error(`podcast ${feedUrl} neither inserted nor found`);
  return { id: existing.id, created: false };
}

/**
 * Claims up to `limit` feeds that are due, for `leaseSeconds`. Concurrent callers never get the same
 * feed: rows locked by another claim are skipped, and a claimed feed stays out until its lease ends.
 */
export async function claimDueFeeds({
  now,
  limit,
  leaseSeconds,
  ids,
}: {
  now: Date;
  limit: number;
  leaseSeconds: number;
  ids?: string[];
}): Promise<Podcast[]> {
  const db = await getDb();
  const leaseUntil = new Date(now.getTime() + leaseSeconds * 1000);
  // Raw SQL gets timestamps as ISO text: postgres.js (as drizzle sets it up) does not serialize Date.
  const only = ids
    ? sql`and ${podcasts.id} in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql``;
  const due = ids ? sql`true` : sql`${podcasts.nextCheckAt} <= ${now.toISOString()}::timestamptz`;
  const claimed = await db.execute(sql`
    update ${podcasts} set lease_until = ${leaseUntil.toISOString()}::timestamptz
    where ${podcasts.id} in (
      select id from ${podcasts}
      where ${due}
        and (${podcasts.leaseUntil} is null or ${podcasts.leaseUntil} < ${now.toISOString()}::timestamptz) ${only}
      order by ${podcasts.nextCheckAt}
      limit ${limit}
      for update skip locked
    )
    returning id`);
  const claimedIds = rowsOf<{ id: string }>(claimed).map((r) => r.id);
  if (claimedIds.length === 0) return [];
  return db
    .select()
    .from(podcasts)
    .where(
      sql`${podcasts.id} in (${sql.join(
        claimedIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    )
    .orderBy(asc(podcasts.nextCheckAt));
}

export type FeedMetadata = Pick<
  Podcast,
  "title" | "author" | "description" | "imageUrl" | "siteUrl" | "language" | "locked" | "blocked"
>;

/** Records a successful check: metadata, validators for the next conditional GET, next check time. */
export async function recordFeedChecked({
  podcastId,
  now,
  nextCheckAt,
  metadata,
  etag,
  lastModified,
  feedUrl,
}: {
  podcastId: string;
  now: Date;
  nextCheckAt: Date;
  metadata?: FeedMetadata;
  etag?: string | null;
  lastModified?: string | null;
  feedUrl?: string;
}): Promise<void> {
  const db = await getDb();
  await db
    .update(podcasts)
    .set({
      ...metadata,
      ...(etag !== undefined ? { etag } : {}),
      ...(lastModified !== undefined ? { lastModified } : {}),
      ...(feedUrl ? { feedUrl } : {}),
      checkedAt: now,
      nextCheckAt,
      leaseUntil: null,
      errorCount: 0,
      lastError: null,
    })
    .where(eq(podcasts.id, podcastId));
}

/** Records a failed check; the caller computes the back-off from the error count. */
export async function recordFeedFailed({
  podcastId,
  now,
  nextCheckAt,
  error,
}: {
  podcastId: string;
  now: Date;
  nextCheckAt: Date;
  error: string;
}): Promise<void> {
  const db = await getDb();
  await db
    .update(podcasts)
    .set({
      checkedAt: now,
      nextCheckAt,
      leaseUntil: null,
      lastError: error.slice(0, 500),
      errorCount: sql`${podcasts.errorCount} + 1`,
    })
    .where(eq(podcasts.id, podcastId));
}

const EPISODE_BATCH = 1000;

/**
 * Inserts new episodes and updates known ones in place, keyed on (podcast, guid). Returns the ids of
 * the episodes that were new. The status of a known episode is never touched.
 */
export async function upsertFeedEpisodes({
  rows,
}: {
  rows: NewEpisode[];
}): Promise<{ inserted: string[]; updated: number }> {
  const db = await getDb();
  const inserted: string[] = [];
  let updated = 0;
  for (let i = 0; i < rows.length; i += EPISODE_BATCH) {
    const batch = rows.slice(i, i + EPISODE_BATCH);
    const result = await db
      .insert(episodes)
      .values(batch)
      .onConflictDoUpdate({
        target: [episodes.podcastId, episodes.guid],
        set: {
          title: sql`excluded.title`,
          link: sql`excluded.link`,
          publishedAt: sql`excluded.published_at`,
          audioUrl: sql`excluded.audio_url`,
          durationSeconds: sql`excluded.duration_seconds`,
          imageUrl: sql`excluded.image_url`,
          showNotesHtml: sql`excluded.show_notes_html`,
          showNotesText: sql`excluded.show_notes_text`,
          transcriptUrl: sql`excluded.transcript_url`,
          transcriptType: sql`excluded.transcript_type`,
          chaptersUrl: sql`excluded.chapters_url`,
          chapters: sql`excluded.chapters`,
        },
      })
      // xmax is 0 for a row this statement inserted, and set for one it updated.
      .returning({ id: episodes.id, inserted: sql<boolean>`(xmax = 0)` });
    for (const row of result) {
      if (row.inserted) inserted.push(row.id);
      else updated++;
    }
  }
  return { inserted, updated };
}

export type PodcastSummary = Podcast & { episodeCount: number };

export async function listPodcastsWithCounts(): Promise<PodcastSummary[]> {
  const db = await getDb();
  const rows = await db
    .select({ podcast: podcasts, episodeCount: count(episodes.id) })
    .from(podcasts)
    .leftJoin(episodes, eq(episodes.podcastId, podcasts.id))
    .groupBy(podcasts.id)
    .orderBy(asc(podcasts.title));
  return rows.map((r) => ({ ...r.podcast, episodeCount: r.episodeCount }));
}

export async function getPodcastByFeedUrl({
  feedUrl,
}: {
  feedUrl: string;
}): Promise<Podcast | null> {
  const db = await getDb();
  const [row] = await db.select().from(podcasts).where(eq(podcasts.feedUrl, feedUrl));
  return row ?? null;
}

/** Feeds that are due now and not leased: what the next run will pick up. */
export async function countDueFeeds({ now }: { now: Date }): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(podcasts)
    .where(
      and(
        lte(podcasts.nextCheckAt, now),
        or(isNull(podcasts.leaseUntil), lt(podcasts.leaseUntil, now)),
      ),
    );
  return row?.n ?? 0;
}
