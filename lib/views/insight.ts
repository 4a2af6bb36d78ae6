import "server-only";
import { recordEvent } from "@/db/queries/events";
import {
  getInsight,
  type InsightCard,
  type RelatedInsight,
  relatedInsights,
} from "@/db/queries/insights";
import { type SaveState, saveStates } from "@/db/queries/saves";
import { listTags } from "@/db/queries/tags";
import { similarityThresholds } from "@/lib/insights/similarity";
import type { Reader } from "@/lib/session";

// An insight's page: the insight, the reader's save of it (tags, note) and its related insights.

export type InsightData = {
  insight: InsightCard;
  /** The reader's save, with its tags and note; null when unsaved or for a visitor. */
  save: SaveState | null;
  /** Every tag name the reader has, offered when tagging. */
  allTags: string[];
  related: RelatedInsight[];
};

/** One insight by id, without the reader's parts (titles, metadata, the brief's buttons). */
export async function findInsight(id: string): Promise<InsightCard | null> {
  return getInsight({ id });
}

export async function readInsight({
  reader,
  id,
}: {
  reader: Reader | null;
  id: string;
}): Promise<InsightData | null> {
  const insight = await getInsight({ id });
  if (!insight) return null;
  const [states, tags, related] = await Promise.all([
    reader ? saveStates({ userId: reader.id, insightIds: [insight.id] }) : new Map(),
    reader ? listTags({ userId: reader.id }) : [],
    relatedInsights({ insightId: insight.id, limit: 6, floor: similarityThresholds().listed }),
  ]);
  return {
    insight,
    save: states.get(insight.id) ?? null,
    allTags: tags.map((t) => t.name),
    related,
  };
}

/** The reader opened the insight: the daily brief does not bring it again. */
export async function markInsightOpened({
  reader,
  insightId,
}: {
  reader: Reader;
  insightId: string;
}): Promise<void> {
  await recordEvent({ userId: reader.id, insightId, kind: "open" });
}
