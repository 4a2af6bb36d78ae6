import "server-only";
import { desc, eq, inArray } from "drizzle-orm";
import { getDb } from "../client";
import { outbox } from "../schema";

export type OutboxMessage = typeof outbox.$inferSelect;
export type NewOutboxMessage = typeof outbox.$inferInsert;

export async function storeInOutbox({
  message,
}: {
  message: NewOutboxMessage;
}): Promise<{ id: string }> {
  const db = await getDb();
  const [row] = await db.insert(outbox).values(message).returning({ id: outbox.id });
  if (!row) throw new Error("storing an email in the outbox returned no row");
  return row;
}

export async function listOutbox({ limit = 50 }: { limit?: number } = {}) {
  const db = await getDb();
  return db
    .select({
      id: outbox.id,
      to: outbox.to,
      subject: outbox.subject,
      kind: outbox.kind,
      createdAt: outbox.createdAt,
    })
    .from(outbox)
    .orderBy(desc(outbox.createdAt))
    .limit(limit);
}

export async function getOutboxMessage({ id }: { id: string }): Promise<OutboxMessage | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const db = await getDb();
  const [row] = await db.select().from(outbox).where(eq(outbox.id, id));
  return row ?? null;
}

/**
 * Stores a batch of emails once: a retry with the same key stores nothing new and returns the
 * ids stored the first time, in order.
 */
export async function storeBatchInOutbox({
  key,
  messages,
}: {
  key: string;
  messages: Omit<NewOutboxMessage, "dedupeKey">[];
}): Promise<string[]> {
  if (messages.length === 0) return [];
  const db = await getDb();
  const keyed = messages.map((m, i) => ({ ...m, dedupeKey: `${key}#${i}` }));
  await db.insert(outbox).values(keyed).onConflictDoNothing({ target: outbox.dedupeKey });
  const rows = await db
    .select({ id: outbox.id, dedupeKey: outbox.dedupeKey })
    .from(outbox)
    .where(
      inArray(
        outbox.dedupeKey,
        keyed.map((m) => m.dedupeKey),
      ),
    );
  const byKey = new Map(rows.map((r) => [r.dedupeKey, r.id]));
  return keyed.map((m) => {
    const id = byKey.get(m.dedupeKey);
    if (!id) throw new Error("an email stored in the outbox could not be read back");
    return id;
  });
}
