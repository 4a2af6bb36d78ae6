import "server-only";
import { asc, count, eq, inArray, sql } from "drizzle-orm";
import { type Db, getDb } from "../client";
import { episodes, type NewEpisode, type Podcast, podcasts } from "../schema";
import { upsertEpisodes } from "./episode-upsert";
import { claimUnits, FEED_UNITS, leaseEnd, releaseUnits, uuidList } from "./work-units";

// Feeds as work units (work-units.ts): claimed with a lease, checked, and released with the
// outcome.

/**
 * Adds a show by feed URL, with its name when the feed was just read (until its first check the
 * show is otherwise untitled); an already known URL returns the existing show, unchanged.
 */
export async function addPodcast({
  feedUrl,
  details = {},
}: {
  feedUrl: string;
  details?: { title?: string; author?: string | null; imageUrl?: string | null };
}): Promise<{ id: string; created: boolean }> {
  const db = await getDb();
  const [created] = await db
    .insert(podcasts)
    .values({ feedUrl, ...details })
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
 * Claims up to `limit` feeds that are due (or exactly the shows `ids`, due or not), for
 * `leaseSeconds`, the most overdue first. Concurrent callers never get the same feed.
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
  if (ids?.length === 0) return [];
  const db = await getDb();
  const claimed = await claimUnits(db, FEED_UNITS, {
    at: now,
    until: leaseEnd(now, leaseSeconds),
    limit,
    where: ids
      ? sql`f.id in (${uuidList(ids)})`
      : sql`f.next_check_at <= ${now.toISOString()}::timestamptz`,
    order: sql`f.next_check_at`,
  });
  if (claimed.length === 0) return [];
  return db
    .select()
    .from(podcasts)
    .where(sql`${podcasts.id} in (${uuidList(claimed.map((r) => r.key))})`)
    .orderBy(asc(podcasts.nextCheckAt));
}

export type FeedMetadata = Pick<
  Podcast,
  "title" | "author" | "description" | "imageUrl" | "siteUrl" | "language" | "locked" | "blocked"
>;

export type FeedChecked = {
  podcastId: string;
  now: Date;
  nextCheckAt: Date;
  metadata?: FeedMetadata;
  etag?: string | null;
  lastModified?: string | null;
  feedUrl?: string;
  /** Set when the feed was read (null: its text was clean); left alone when it was not. */
  textIssue?: string | null;
};

/** Records a successful check: metadata, validators for the next conditional GET, next check time. */
export async function recordFeedChecked(checked: FeedChecked): Promise<void> {
  await markChecked(await getDb(), checked);
}

/**
 * Stores a check that read the feed: its episodes (see upsertEpisodes) and the check itself, in one
 * transaction, so a check interrupted on the way is stored not at all rather than in part.
 */
export async function recordFeedUpdated({
  rows,
  ...checked
}: FeedChecked & { rows: NewEpisode[] }): Promise<{ inserted: string[]; updated: number }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const episodesStored = await upsertEpisodes(tx, rows);
    await markChecked(tx, checked);
    return episodesStored;
  });
}

async function markChecked(
  db: Db,
  { podcastId, now, nextCheckAt, metadata, etag, lastModified, feedUrl, textIssue }: FeedChecked,
): Promise<void> {
  await db
    .update(podcasts)
    .set({
      ...metadata,
      ...(etag !== undefined ? { etag } : {}),
      ...(lastModified !== undefined ? { lastModified } : {}),
      ...(feedUrl ? { feedUrl } : {}),
      ...(textIssue !== undefined ? { textIssue } : {}),
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
      lastError: error.replaceAll("\u0000", "").slice(0, 500),
      errorCount: sql`${podcasts.errorCount} + 1`,
    })
    .where(eq(podcasts.id, podcastId));
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

export async function countEpisodes({ podcastId }: { podcastId: string }): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(episodes)
    .where(eq(episodes.podcastId, podcastId));
  return row?.n ?? 0;
}

/** Shifts the shows' episode dates so that the newest is at `newestAt` (for the demo catalog). */
export async function moveEpisodesForward({
  podcastIds,
  newestAt,
}: {
  podcastIds: string[];
  newestAt: Date;
}): Promise<void> {
  if (podcastIds.length === 0) return;
  const db = await getDb();
  const ids = sql.join(
    podcastIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  await db.execute(sql`
    update ${episodes} set published_at = published_at + (
      ${newestAt.toISOString()}::timestamptz - (select max(published_at) from ${episodes} where podcast_id in (${ids}))
    )
    where podcast_id in (${ids}) and published_at is not null`);
}

/** Gives up the leases on feeds claimed but not checked: they are due again for any run. */
export async function releaseFeeds({ podcastIds }: { podcastIds: string[] }): Promise<void> {
  if (podcastIds.length === 0) return;
  const db = await getDb();
  await releaseUnits(db, FEED_UNITS, { where: sql`f.id in (${uuidList(podcastIds)})` });
}

/**
 * Puts off claimed feeds that were not tried, until `until`, saying why; their error count is left
 * alone, since nothing failed.
 */
export async function deferFeeds({
  podcastIds,
  until,
  reason,
}: {
  podcastIds: string[];
  until: Date;
  reason: string;
}): Promise<void> {
  if (podcastIds.length === 0) return;
  const db = await getDb();
  await releaseUnits(db, FEED_UNITS, {
    where: sql`f.id in (${uuidList(podcastIds)})`,
    set: sql`next_check_at = ${until.toISOString()}::timestamptz, last_error = ${reason.slice(0, 500)}`,
  });
}

/** Keeps the shows from being checked again before `until`. */
export async function holdChecks({
  podcastIds,
  until,
}: {
  podcastIds: string[];
  until: Date;
}): Promise<void> {
  if (podcastIds.length === 0) return;
  const db = await getDb();
  await db.update(podcasts).set({ nextCheckAt: until }).where(inArray(podcasts.id, podcastIds));
}
