import "server-only";
import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "../client";
import {
  type Chapter,
  episodes,
  follows,
  insights,
  podcasts,
  type Segment,
  transcripts,
} from "../schema";
import { isUuid } from "./input";

// What a show's page and an episode's page read: the show with its last check, its episodes a
// page at a time with their insights' headlines, and one episode with its insights, chapters and
// transcript. Blocked shows are not shown.

export type ShowRecord = {
  id: string;
  title: string;
  author: string | null;
  description: string | null;
  imageUrl: string | null;
  siteUrl: string | null;
  feedUrl: string;
  checkedAt: Date | null;
  nextCheckAt: Date;
  errorCount: number;
  lastError: string | null;
  textIssue: string | null;
  locked: boolean;
  episodeCount: number;
};

export async function getShow({ id }: { id: string }): Promise<ShowRecord | null> {
  if (!isUuid(id)) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      id: podcasts.id,
      title: podcasts.title,
      author: podcasts.author,
      description: podcasts.description,
      imageUrl: podcasts.imageUrl,
      siteUrl: podcasts.siteUrl,
      feedUrl: podcasts.feedUrl,
      checkedAt: podcasts.checkedAt,
      nextCheckAt: podcasts.nextCheckAt,
      errorCount: podcasts.errorCount,
      lastError: podcasts.lastError,
      textIssue: podcasts.textIssue,
      locked: podcasts.locked,
    })
    .from(podcasts)
    .where(and(eq(podcasts.id, id), eq(podcasts.blocked, false)));
  if (!row) return null;
  const [episodeCount] = await db
    .select({ n: count() })
    .from(episodes)
    .where(eq(episodes.podcastId, row.id));
  return { ...row, episodeCount: episodeCount?.n ?? 0 };
}

/** The show's artwork address as the feed gave it, for the artwork route; null when none. */
export async function showImageUrl({
  id,
}: {
  id: string;
}): Promise<{ id: string; title: string; imageUrl: string | null } | null> {
  if (!isUuid(id)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ id: podcasts.id, title: podcasts.title, imageUrl: podcasts.imageUrl })
    .from(podcasts)
    .where(and(eq(podcasts.id, id), eq(podcasts.blocked, false)));
  return row ?? null;
}

export async function isFollowing({
  userId,
  podcastId,
}: {
  userId: string;
  podcastId: string;
}): Promise<boolean> {
  if (!isUuid(podcastId)) return false;
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(follows)
    .where(and(eq(follows.userId, userId), eq(follows.podcastId, podcastId)));
  return (row?.n ?? 0) > 0;
}

export type ShowEpisode = {
  id: string;
  title: string;
  publishedAt: Date | null;
  durationSeconds: number | null;
  insights: { id: string; headline: string }[];
};

/** A page of the show's episodes, newest first, each with its insights' headlines in order. */
export async function listShowEpisodes({
  podcastId,
  offset,
  limit,
}: {
  podcastId: string;
  offset: number;
  limit: number;
}): Promise<ShowEpisode[]> {
  if (!isUuid(podcastId)) return [];
  const db = await getDb();
  const rows = await db
    .select({
      id: episodes.id,
      title: episodes.title,
      publishedAt: episodes.publishedAt,
      durationSeconds: episodes.durationSeconds,
    })
    .from(episodes)
    .where(eq(episodes.podcastId, podcastId))
    .orderBy(sql`${episodes.publishedAt} desc nulls last`, desc(episodes.createdAt), episodes.id)
    .offset(offset)
    .limit(limit);
  if (rows.length === 0) return [];
  const headlines = await db
    .select({ id: insights.id, headline: insights.headline, episodeId: insights.episodeId })
    .from(insights)
    .where(
      inArray(
        insights.episodeId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(insights.position));
  const byEpisode = Map.groupBy(headlines, (h) => h.episodeId);
  return rows.map((row) => ({
    ...row,
    insights: (byEpisode.get(row.id) ?? []).map(({ id, headline }) => ({ id, headline })),
  }));
}

export type EpisodeRecord = {
  id: string;
  title: string;
  link: string | null;
  audioUrl: string | null;
  publishedAt: Date | null;
  durationSeconds: number | null;
  showNotesText: string | null;
  chapters: Chapter[] | null;
  podcast: { id: string; title: string; author: string | null };
};

export async function getEpisode({ id }: { id: string }): Promise<EpisodeRecord | null> {
  if (!isUuid(id)) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      id: episodes.id,
      title: episodes.title,
      link: episodes.link,
      audioUrl: episodes.audioUrl,
      publishedAt: episodes.publishedAt,
      durationSeconds: episodes.durationSeconds,
      showNotesText: episodes.showNotesText,
      chapters: episodes.chapters,
      podcast: { id: podcasts.id, title: podcasts.title, author: podcasts.author },
    })
    .from(episodes)
    .innerJoin(podcasts, eq(podcasts.id, episodes.podcastId))
    .where(and(eq(episodes.id, id), eq(podcasts.blocked, false)));
  return row ?? null;
}

export type EpisodeInsight = {
  id: string;
  headline: string;
  body: string;
  quote: string;
  quoteStartS: number | null;
  speaker: string | null;
};

/** The episode's insights in the order they are said (those without a time last). */
export async function listEpisodeInsights({
  episodeId,
}: {
  episodeId: string;
}): Promise<EpisodeInsight[]> {
  if (!isUuid(episodeId)) return [];
  const db = await getDb();
  return db
    .select({
      id: insights.id,
      headline: insights.headline,
      body: insights.body,
      quote: insights.quote,
      quoteStartS: insights.quoteStartS,
      speaker: insights.speaker,
    })
    .from(insights)
    .where(eq(insights.episodeId, episodeId))
    .orderBy(sql`${insights.quoteStartS} asc nulls last`, asc(insights.position));
}

export async function getTranscriptSegments({
  episodeId,
}: {
  episodeId: string;
}): Promise<{ source: string; segments: Segment[] } | null> {
  if (!isUuid(episodeId)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ source: transcripts.source, segments: transcripts.segments })
    .from(transcripts)
    .where(eq(transcripts.episodeId, episodeId));
  return row ?? null;
}
