import { type FeedFilter, feedCandidates } from "@/db/queries/feed-candidates";
import { type InsightCard, insightCardsByIds } from "@/db/queries/insights";
import { readFeedPage, storeFeed } from "@/db/queries/stored-feed";
import { similarityThresholds } from "@/lib/insights/similarity";
import { FEED_POOL } from "@/lib/rank/pool";
import { type FeedItem, rankFeed } from "@/lib/rank/rank";

// One page of a reader's feed (or of the global best for a signed-out visitor, or of a filtered
// view). A signed-in reader's own feed is ranked once and stored (db/queries/stored-feed), so a
// page is one indexed read; it is ranked again when it is out of date: taste changed
// (lib/reader-changes says so), newer insights exist, or it is older than an hour (freshness
// moves). Other views are ranked per request; their cursor pins the moment scrolling started.

export const FEED_PAGE_SIZE = 20;
/** How many ranked insights a reader's stored feed keeps. */
const STORED_FEED_SIZE = 300;
const STORED_FEED_MAX_AGE_MS = 3600_000;
const WINDOW_DAYS = 14;
/** When nothing is that recent (a quiet catalog), the feed looks back this far instead. */
const FALLBACK_WINDOW_DAYS = 365;

export type FeedEntry = InsightCard & { reason: string | null; alsoOn: string[] };
export type FeedPage = { entries: FeedEntry[]; nextCursor: string | null };

type Cursor = { asOf: Date; offset: number };

export function encodeCursor({ asOf, offset }: Cursor): string {
  return `${asOf.getTime().toString(36)}.${offset.toString(36)}`;
}

export function decodeCursor(raw: string | undefined): Cursor | null {
  const match = raw?.match(/^([0-9a-z]{1,12})\.([0-9a-z]{1,6})$/);
  if (!match?.[1] || !match[2]) return null;
  const asOf = new Date(Number.parseInt(match[1], 36));
  const offset = Number.parseInt(match[2], 36);
  // A cursor is made at a page's reading: one from the future (or past year 9999) is not ours.
  const future = asOf.getTime() > Date.now() + 60_000;
  return Number.isNaN(asOf.getTime()) || future ? null : { asOf, offset };
}

export async function feedPage({
  userId,
  filter = {},
  cursor,
  followedTopics = [],
  pageSize = FEED_PAGE_SIZE,
  now = new Date(),
  hold = false,
}: {
  userId: string | null;
  filter?: FeedFilter;
  cursor?: string;
  followedTopics?: string[];
  pageSize?: number;
  now?: Date;
  /**
   * The reader is still on this page (back from saving or rating a card on it): show the stored
   * order as it is, so nothing moves under their cursor; the next visit ranks it again.
   */
  hold?: boolean;
}): Promise<FeedPage> {
  const filtered = Boolean(filter.q?.trim() || filter.topic || filter.podcastId);
  if (userId && !filtered) {
    return storedFeedPage({ userId, cursor, followedTopics, pageSize, now, hold });
  }
  const { asOf, offset } = decodeCursor(cursor) ?? { asOf: now, offset: 0 };
  const ranked = await rankedFeed({ userId, filter, followedTopics, asOf });
  const slice = ranked.slice(offset, offset + pageSize);
  const cards = await insightCardsByIds({ ids: slice.map((item) => item.id) });
  const byId = new Map(slice.map((item) => [item.id, item]));
  const entries = cards.map((card) => {
    const item = byId.get(card.id);
    return { ...card, reason: userId ? (item?.reason ?? null) : null, alsoOn: item?.alsoOn ?? [] };
  });
  const more = offset + pageSize < ranked.length;
  return { entries, nextCursor: more ? encodeCursor({ asOf, offset: offset + pageSize }) : null };
}

async function storedFeedPage({
  userId,
  cursor,
  followedTopics,
  pageSize,
  now,
  hold,
}: {
  userId: string;
  cursor?: string;
  followedTopics: string[];
  pageSize: number;
  now: Date;
  hold: boolean;
}): Promise<FeedPage> {
  // The cursor is the next position to show; a page that starts the feed may re-rank it.
  const from = cursor?.match(/^p(\d{1,4})$/) ? Number(cursor.slice(1)) : 0;
  let page = await readFeedPage({ userId, from, limit: pageSize + 1 });
  const outOfDate =
    !page.builtAt ||
    (page.newestInsightAt !== null && page.newestInsightAt > page.builtAt) ||
    now.getTime() - page.builtAt.getTime() > STORED_FEED_MAX_AGE_MS;
  const kept = hold && page.entries.length > 0;
  if (outOfDate && (from === 0 || !page.builtAt) && !kept) {
    await rankAndStoreFeed({ userId, followedTopics, now });
    page = await readFeedPage({ userId, from, limit: pageSize + 1 });
  }
  const entries = page.entries.slice(0, pageSize);
  const last = entries.at(-1);
  return {
    entries: entries.map(({ position: _position, ...entry }) => entry),
    nextCursor: page.entries.length > pageSize && last ? `p${last.position + 1}` : null,
  };
}

/** Ranks the reader's feed now and stores it. */
export async function rankAndStoreFeed({
  userId,
  followedTopics,
  now = new Date(),
}: {
  userId: string;
  followedTopics: string[];
  now?: Date;
}): Promise<void> {
  const ranked = await rankedFeed({ userId, filter: {}, followedTopics, asOf: now });
  await storeFeed({
    userId,
    builtAt: now,
    entries: ranked.slice(0, STORED_FEED_SIZE).map((item) => ({
      insightId: item.id,
      reason: item.reason,
      alsoOn: item.alsoOn,
      topics: item.topics,
    })),
  });
}

async function rankedFeed({
  userId,
  filter,
  followedTopics,
  asOf,
}: {
  userId: string | null;
  filter: FeedFilter;
  followedTopics: string[];
  asOf: Date;
}): Promise<FeedItem[]> {
  const daysBack = (days: number) => new Date(asOf.getTime() - days * 86_400_000);
  let candidates = await feedCandidates({
    userId,
    filter,
    pool: FEED_POOL,
    since: daysBack(WINDOW_DAYS),
    asOf,
  });
  if (candidates.length === 0) {
    candidates = await feedCandidates({
      userId,
      filter,
      pool: FEED_POOL,
      since: daysBack(FALLBACK_WINDOW_DAYS),
      asOf,
    });
  }
  const taste = {
    followedTopics: new Set(followedTopics),
    relatedFloor: similarityThresholds().related,
    now: asOf,
  };
  // A filtered list shows every match; the mixed feed keeps episodes from crowding.
  const everyMatch = Boolean(filter.q?.trim() || filter.podcastId || filter.topic);
  const ranked = rankFeed(candidates, taste, { diversity: !everyMatch });
  if (!filter.q?.trim()) return ranked;
  // A search lists the best matches first; ranking only breaks ties between equal matches.
  const textRank = new Map(candidates.map((c) => [c.id, c.textRank ?? 0]));
  return ranked.sort((a, b) => (textRank.get(b.id) ?? 0) - (textRank.get(a.id) ?? 0));
}
