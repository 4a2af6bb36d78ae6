import "server-only";
import { and, asc, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import { getDb } from "../client";
import { episodes, follows, podcasts } from "../schema";
import { searchText } from "./input";

// The catalog's own shows for the show search: by name (title or author) or by feed address,
// with the reader's follow state.

export type CatalogShowHit = {
  id: string;
  title: string;
  author: string | null;
  feedUrl: string;
  imageUrl: string | null;
  episodeCount: number;
  followed: boolean;
};

async function selectShows(userId: string, where: SQL | undefined, limit: number) {
  const db = await getDb();
  const followed = sql<boolean>`exists (select 1 from ${follows} f where f.podcast_id = ${podcasts.id} and f.user_id = ${userId})`;
  const episodeCount = sql<number>`(select count(*)::int from ${episodes} e where e.podcast_id = ${podcasts.id})`;
  const rows = await db
    .select({
      id: podcasts.id,
      title: podcasts.title,
      author: podcasts.author,
      feedUrl: podcasts.feedUrl,
      imageUrl: podcasts.imageUrl,
      episodeCount,
      followed,
    })
    .from(podcasts)
    .where(and(eq(podcasts.blocked, false), where))
    .orderBy(asc(podcasts.title))
    .limit(limit);
  return rows.map((row) => ({ ...row, episodeCount: Number(row.episodeCount) }));
}

/** Catalog shows whose title or author contains `q` (as typed: % and _ are plain characters). */
export async function searchCatalogShows({
  userId,
  q,
  limit = 10,
}: {
  userId: string;
  q: string;
  limit?: number;
}): Promise<CatalogShowHit[]> {
  const typed = searchText(q);
  if (!typed) return [];
  const pattern = `%${typed.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return selectShows(
    userId,
    or(ilike(podcasts.title, pattern), ilike(podcasts.author, pattern)),
    limit,
  );
}

/** Catalog shows with one of these feed addresses (as stored). */
export async function catalogShowsByFeedUrls({
  userId,
  feedUrls,
}: {
  userId: string;
  feedUrls: string[];
}): Promise<CatalogShowHit[]> {
  const urls = feedUrls.map((url) => url.replaceAll("\u0000", "")).filter(Boolean);
  if (urls.length === 0) return [];
  return selectShows(userId, inArray(podcasts.feedUrl, urls), urls.length);
}
