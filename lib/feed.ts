import { type FeedFilter, feedCandidates } from "@/db/queries/feed";
import { type InsightCard, insightCardsByIds } from "@/db/queries/insights";
import { similarityThresholds } from "@/lib/insights/similarity";
import { type FeedItem, rankFeed } from "@/lib/rank/rank";

// One page of a reader's feed (or of the global best for a signed-out visitor). The cursor pins
// the moment the reader started scrolling, so later pages rank the same pool.

export const FEED_PAGE_SIZE = 20;
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
  return Number.isNaN(asOf.getTime()) ? null : { asOf, offset };
}

export async function feedPage({
  userId,
  filter = {},
  cursor,
  followedTopics = [],
  pageSize = FEED_PAGE_SIZE,
  now = new Date(),
}: {
  userId: string | null;
  filter?: FeedFilter;
  cursor?: string;
  followedTopics?: string[];
  pageSize?: number;
  now?: Date;
}): Promise<FeedPage> {
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
  let candidates = await feedCandidates({ userId, filter, since: daysBack(WINDOW_DAYS), asOf });
  if (candidates.length === 0) {
    candidates = await feedCandidates({
      userId,
      filter,
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
