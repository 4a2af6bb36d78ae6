import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "../client";
import { type EventKind, events, insights } from "../schema";
import { dropFeedEntry, markFeedStale } from "./feed-entries";

/** Records what a reader did with an insight; false when there is no such insight. */
export async function recordEvent({
  userId,
  insightId,
  kind,
  meta,
}: {
  userId: string;
  insightId: string;
  kind: EventKind;
  meta?: Record<string, unknown>;
}): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(insightId)) return false;
  const db = await getDb();
  const [insight] = await db
    .select({ id: insights.id })
    .from(insights)
    .where(eq(insights.id, insightId));
  if (!insight) return false;
  await db.insert(events).values({ userId, insightId, kind, meta });
  // What ranks the feed changed: a dismissed card leaves it at once, the rest re-ranks it.
  if (kind === "dismiss") await dropFeedEntry(db, userId, insightId);
  if (kind === "more" || kind === "less") await markFeedStale(db, userId);
  return true;
}
