import "server-only";
import { and, asc, eq, ilike, inArray, or, sql } from "drizzle-orm";
import { type Db, getDb } from "../client";
import { type BriefCadence, follows, type Profile, podcasts, profiles } from "../schema";
import { searchText } from "./input";

export type ProfileSettings = {
  interests: string;
  interestsEmbedding: number[] | null;
  followedTopics: string[];
  timeZone: string;
  briefHour: number;
  briefEnabled: boolean;
  /** Left as stored when not given (a form without the cadence choice). */
  briefCadence?: BriefCadence;
  /** The weekly brief's day, 0 = Sunday … 6 = Saturday; left as stored when not given. */
  briefWeekday?: number;
};

export async function getProfile({ userId }: { userId: string }): Promise<Profile | null> {
  const db = await getDb();
  const [row] = await db.select().from(profiles).where(eq(profiles.userId, userId));
  return row ?? null;
}

/**
 * Stores a reader's settings; `onboarded` marks the first run of onboarding as done. `db`: the
 * transaction to run in, when the caller has one.
 */
export async function saveProfile({
  userId,
  settings,
  onboarded = false,
  db: given,
}: {
  userId: string;
  settings: ProfileSettings;
  onboarded?: boolean;
  db?: Db;
}): Promise<void> {
  const db = given ?? (await getDb());
  const present = Object.fromEntries(
    Object.entries(settings).filter(([, value]) => value !== undefined),
  ) as ProfileSettings;
  const values = { ...present, ...(onboarded ? { onboardedAt: new Date() } : {}) };
  await db
    .insert(profiles)
    .values({ userId, ...values })
    .onConflictDoUpdate({
      target: profiles.userId,
      set: {
        ...values,
        // A reader who turns the brief back on re-subscribes.
        ...(settings.briefEnabled ? { unsubscribedAt: null } : {}),
      },
    });
}

/**
 * Sets how often the reader's brief goes out (the email's "Change how often" page); false when
 * the reader has no profile. A brief already made for today stays the only one today.
 */
export async function setBriefCadence({
  userId,
  cadence,
  weekday,
}: {
  userId: string;
  cadence: BriefCadence;
  /** Left as stored when not given. */
  weekday?: number;
}): Promise<boolean> {
  const db = await getDb();
  const rows = await db
    .update(profiles)
    .set({ briefCadence: cadence, ...(weekday === undefined ? {} : { briefWeekday: weekday }) })
    .where(eq(profiles.userId, userId))
    .returning({ userId: profiles.userId });
  return rows.length > 0;
}

/** Replaces the shows a reader follows with the given ones (unknown ids are ignored). */
export async function setFollows({
  userId,
  podcastIds,
}: {
  userId: string;
  podcastIds: string[];
}): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.delete(follows).where(eq(follows.userId, userId));
    if (podcastIds.length === 0) return;
    const known = await tx
      .select({ id: podcasts.id })
      .from(podcasts)
      .where(inArray(podcasts.id, podcastIds));
    if (known.length === 0) return;
    await tx
      .insert(follows)
      .values(known.map(({ id }) => ({ userId, podcastId: id })))
      .onConflictDoNothing();
  });
}

/** Follows one show; false when there is no such show. */
export async function followPodcast({
  userId,
  podcastId,
}: {
  userId: string;
  podcastId: string;
}): Promise<boolean> {
  const db = await getDb();
  const [show] = await db
    .select({ id: podcasts.id })
    .from(podcasts)
    .where(eq(podcasts.id, podcastId));
  if (!show) return false;
  await db.insert(follows).values({ userId, podcastId }).onConflictDoNothing();
  return true;
}

/** Unfollows one show; false when the reader did not follow it. */
export async function unfollowPodcast({
  userId,
  podcastId,
}: {
  userId: string;
  podcastId: string;
}): Promise<boolean> {
  const db = await getDb();
  const removed = await db
    .delete(follows)
    .where(and(eq(follows.userId, userId), eq(follows.podcastId, podcastId)))
    .returning({ podcastId: follows.podcastId });
  return removed.length > 0;
}

/** Follows or unfollows one topic; following makes the reader's profile when they have none. */
export async function setTopicFollowed({
  userId,
  slug,
  followed,
}: {
  userId: string;
  slug: string;
  followed: boolean;
}): Promise<void> {
  const db = await getDb();
  const without = sql`array_remove(${profiles.followedTopics}, ${slug}::text)`;
  if (!followed) {
    await db.update(profiles).set({ followedTopics: without }).where(eq(profiles.userId, userId));
    return;
  }
  await db
    .insert(profiles)
    .values({ userId, followedTopics: [slug] })
    .onConflictDoUpdate({
      target: profiles.userId,
      set: { followedTopics: sql`array_append(${without}, ${slug}::text)` },
    });
}

export type ShowChoice = { id: string; title: string; author: string | null; followed: boolean };

/** Shows to pick from: those matching `q` (title or author), followed ones first. */
export async function listShowChoices({
  userId,
  q = "",
  limit = 50,
}: {
  userId: string;
  q?: string;
  limit?: number;
}): Promise<ShowChoice[]> {
  const db = await getDb();
  const typed = searchText(q);
  const pattern = `%${typed.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const followed = sql<boolean>`exists (select 1 from ${follows} f where f.podcast_id = ${podcasts.id} and f.user_id = ${userId})`;
  return db
    .select({ id: podcasts.id, title: podcasts.title, author: podcasts.author, followed })
    .from(podcasts)
    .where(
      and(
        eq(podcasts.blocked, false),
        typed ? or(ilike(podcasts.title, pattern), ilike(podcasts.author, pattern)) : undefined,
      ),
    )
    .orderBy(sql`${followed} desc`, asc(podcasts.title))
    .limit(limit);
}

export async function followedPodcastIds({ userId }: { userId: string }): Promise<string[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: follows.podcastId })
    .from(follows)
    .where(eq(follows.userId, userId));
  return rows.map((row) => row.id);
}

/** The reader's private feed token, made on first use. */
export async function feedToken({
  userId,
  reset = false,
}: {
  userId: string;
  reset?: boolean;
}): Promise<string> {
  const db = await getDb();
  const fresh = Buffer.from(crypto.getRandomValues(new Uint8Array(24))).toString("base64url");
  if (!reset) {
    const [row] = await db
      .select({ token: profiles.feedToken })
      .from(profiles)
      .where(eq(profiles.userId, userId));
    if (row?.token) return row.token;
  }
  await db
    .insert(profiles)
    .values({ userId, feedToken: fresh })
    .onConflictDoUpdate({ target: profiles.userId, set: { feedToken: fresh } });
  return fresh;
}

export async function userIdByFeedToken({ token }: { token: string }): Promise<string | null> {
  if (token.length < 16) return null;
  const db = await getDb();
  const [row] = await db
    .select({ userId: profiles.userId })
    .from(profiles)
    .where(eq(profiles.feedToken, token));
  return row?.userId ?? null;
}

/** Stops the daily brief for a reader (one-click unsubscribe); false when there is no such reader. */
export async function unsubscribeReader({
  userId,
  now = new Date(),
}: {
  userId: string;
  now?: Date;
}): Promise<boolean> {
  const db = await getDb();
  const rows = await db
    .update(profiles)
    .set({
      unsubscribedAt: sql`coalesce(${profiles.unsubscribedAt}, ${now.toISOString()}::timestamptz)`,
    })
    .where(eq(profiles.userId, userId))
    .returning({ userId: profiles.userId });
  return rows.length > 0;
}
