import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "../client";
import { type EventKind, events, insights } from "../schema";

/** Choices a reader makes about an insight, as opposed to things that happen (open, click). */
const CHOICES: EventKind[] = ["more", "less", "dismiss"];

/**
 * Records what a reader did with an insight: "recorded", or null when there is no such insight. A
 * choice the reader has already made (a brief's link opened twice, a button pressed again) is not
 * recorded again ("repeated"), so a repeat never outweighs their other choices; a changed mind is.
 */
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
}): Promise<"recorded" | "repeated" | null> {
  if (!/^[0-9a-f-]{36}$/i.test(insightId)) return null;
  const db = await getDb();
  const [insight] = await db
    .select({ id: insights.id })
    .from(insights)
    .where(eq(insights.id, insightId));
  if (!insight) return null;
  if (CHOICES.includes(kind)) {
    const [latest] = await db
      .select({ kind: events.kind })
      .from(events)
      .where(
        and(
          eq(events.userId, userId),
          eq(events.insightId, insightId),
          inArray(events.kind, CHOICES),
        ),
      )
      .orderBy(desc(events.createdAt), desc(events.id))
      .limit(1);
    if (latest?.kind === kind) return "repeated";
  }
  await db.insert(events).values({ userId, insightId, kind, meta });
  return "recorded";
}
