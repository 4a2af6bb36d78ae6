import "server-only";
import { count } from "drizzle-orm";
import { getDb } from "../client";
import { episodes, type NewEpisode, type NewPodcast, podcasts } from "../schema";

/** Inserts a show, or refreshes its metadata when the feed URL is already known. Returns its id. */
export async function upsertPodcast({ podcast }: { podcast: NewPodcast }): Promise<string> {
  const db = await getDb();
  const { id: _id, ...metadata } = podcast;
  const [row] = await db
    .insert(podcasts)
    .values(podcast)
    .onConflictDoUpdate({ target: podcasts.feedUrl, set: metadata })
    .returning({ id: podcasts.id });
  if (!row) throw new Error("upsertPodcast returned no row");
  return row.id;
}

/** Inserts an episode, or updates it in place when (podcast, guid) is already stored. */
export async function upsertEpisode({ episode }: { episode: NewEpisode }): Promise<string> {
  const db = await getDb();
  // The pipeline owns the status; a re-read of the feed must not reset it.
  const { id: _id, status: _status, ...metadata } = episode;
  const [row] = await db
    .insert(episodes)
    .values(episode)
    .onConflictDoUpdate({ target: [episodes.podcastId, episodes.guid], set: metadata })
    .returning({ id: episodes.id });
  if (!row) throw new Error("upsertEpisode returned no row");
  return row.id;
}

export async function countPodcasts(): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(podcasts);
  return row?.n ?? 0;
}
