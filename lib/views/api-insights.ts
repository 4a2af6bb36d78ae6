import "server-only";
import type { z } from "zod";
import { insightCardsByIds } from "@/db/queries/insights";
import { getProfile } from "@/db/queries/profiles";
import { saveStates } from "@/db/queries/saves";
import { encodeApiCursor } from "@/lib/api/cursor";
import type { insightDetail, insightPage } from "@/lib/api/schemas";
import { feedPage } from "@/lib/feed";
import type { Reader } from "@/lib/session";
import { apiInsightOf } from "@/lib/views/api-shape";
import { readInsight } from "@/lib/views/insight";

// The API's insights: the reader's ranked feed (as /feed ranks it) and one insight with related.

export type ApiFeedQuery = {
  topic?: string;
  show?: string;
  q?: string;
  since?: Date;
  /** The decoded cursor: a position in lib/feed's own format. */
  cursor?: string;
};

export async function readApiFeed({
  reader,
  query,
}: {
  reader: Reader;
  query: ApiFeedQuery;
}): Promise<z.output<typeof insightPage>> {
  const profile = await getProfile({ userId: reader.id });
  const page = await feedPage({
    userId: reader.id,
    filter: { topic: query.topic, podcastId: query.show, q: query.q },
    cursor: query.cursor,
    // A walk through the pages keeps the order it began with, even if a save re-ranks the feed.
    hold: query.cursor !== undefined,
    followedTopics: profile?.followedTopics ?? [],
  });
  const since = query.since?.getTime();
  const entries = since ? page.entries.filter((e) => e.createdAt.getTime() >= since) : page.entries;
  const saved = await saveStates({ userId: reader.id, insightIds: entries.map((e) => e.id) });
  return {
    insights: entries.map((entry) => ({
      ...apiInsightOf(entry),
      reason: entry.reason,
      saved: saved.has(entry.id),
    })),
    next_cursor: page.nextCursor ? encodeApiCursor("insights", page.nextCursor) : null,
  };
}

/** One insight with the reader's save of it and its related insights; null: no such insight. */
export async function readApiInsight({
  reader,
  id,
}: {
  reader: Reader;
  id: string;
}): Promise<z.output<typeof insightDetail> | null> {
  const data = await readInsight({ reader, id });
  if (!data) return null;
  const similarity = new Map(data.related.map((r) => [r.id, r.similarity]));
  const related = await insightCardsByIds({ ids: data.related.map((r) => r.id) });
  return {
    insight: apiInsightOf(data.insight),
    saved: data.save
      ? {
          saved_at: data.save.savedAt.toISOString(),
          note: data.save.note,
          tags: data.save.tags.map((t) => t.name),
        }
      : null,
    related: related.map((card) => ({
      ...apiInsightOf(card),
      similarity: similarity.get(card.id) ?? 0,
    })),
  };
}
