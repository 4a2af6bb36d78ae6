import "server-only";
import { z } from "zod";
import { type InsightCard, insightCardsByIds } from "@/db/queries/insights";
import { listLibrary } from "@/db/queries/library";
import { feedToken } from "@/db/queries/profiles";
import { type SaveState, saveStates } from "@/db/queries/saves";
import { listTags, type TagWithCount } from "@/db/queries/tags";
import { env } from "@/lib/env";
import type { Reader } from "@/lib/session";
import { list, one, text } from "@/lib/views/params";

// The reader's library (/saved) with its tag and text filters, and the tags page.

const PAGE = 30;

export const libraryParams = z.object({
  tag: list,
  q: text,
  after: one,
});
export type LibraryParams = z.output<typeof libraryParams>;

/** A tag of the reader's, with how many saves carry it. */
export type LibraryTag = TagWithCount;

export type LibraryData = {
  items: { card: InsightCard; save: SaveState | null }[];
  tags: LibraryTag[];
  /** Pass as `after` for the next page; null on the last one. */
  nextAfter: string | null;
  /** The reader's private RSS address. */
  rssUrl: string;
};

export async function readLibrary({
  reader,
  params,
}: {
  reader: Reader;
  params: LibraryParams;
}): Promise<LibraryData> {
  const [page, tags, token] = await Promise.all([
    libraryPage({
      userId: reader.id,
      tags: params.tag,
      q: params.q,
      after: params.after,
      size: PAGE,
    }),
    listTags({ userId: reader.id }),
    feedToken({ userId: reader.id }),
  ]);
  return {
    items: page.items,
    tags,
    nextAfter: page.nextCursor,
    rssUrl: new URL(`/rss/${token}`, env.APP_URL).toString(),
  };
}

/**
 * One page of the reader's saves, as cards with their saves, and the cursor of the next page
 * (null on the last): what /saved and the API's /saved both list.
 */
export async function libraryPage({
  size,
  ...filters
}: Omit<Parameters<typeof listLibrary>[0], "limit"> & { size: number }): Promise<{
  items: { card: InsightCard; save: SaveState | null }[];
  nextCursor: string | null;
}> {
  const entries = await listLibrary({ ...filters, limit: size + 1 });
  const page = entries.slice(0, size);
  const ids = page.map((e) => e.insightId);
  const [cards, states] = await Promise.all([
    insightCardsByIds({ ids }),
    saveStates({ userId: filters.userId, insightIds: ids }),
  ]);
  const last = page.at(-1);
  return {
    items: cards.map((card) => ({ card, save: states.get(card.id) ?? null })),
    nextCursor: entries.length > size && last ? last.cursor : null,
  };
}

/** The tags page: every tag of the reader's, with how many saves carry it. */
export async function readTags({ reader }: { reader: Reader }): Promise<LibraryTag[]> {
  return listTags({ userId: reader.id });
}
