import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { type Db, getDb } from "../client";
import { events, insights, saves, saveTags, tags, unsavedKeepsakes } from "../schema";
import { isUuid } from "./input";

// A reader's saves and their notes (their tags: ./tags, the library's pages: ./library-list).
// Every statement is scoped by user_id; a function that finds nothing of the reader's to change
// returns null/false and changes nothing.

export type SaveState = {
  saveId: string;
  insightId: string;
  savedAt: Date;
  /** When the save, its note or its tags last changed. */
  updatedAt: Date;
  note: string | null;
  tags: { id: string; name: string }[];
};

/**
 * Saves an insight (once); null when there is no such insight, `created` when it was not saved
 * before. `db`: the transaction to run in, when the caller has one.
 */
export async function saveInsight({
  userId,
  insightId,
  db: given,
}: {
  userId: string;
  insightId: string;
  db?: Db;
}): Promise<{ saveId: string; created: boolean } | null> {
  if (!isUuid(insightId)) return null;
  const db = given ?? (await getDb());
  return db.transaction(async (tx) => {
    const [insight] = await tx
      .select({ id: insights.id })
      .from(insights)
      .where(eq(insights.id, insightId));
    if (!insight) return null;
    const [created] = await tx
      .insert(saves)
      .values({ userId, insightId })
      .onConflictDoNothing()
      .returning({ saveId: saves.id });
    if (created) {
      await tx.insert(events).values({ userId, insightId, kind: "save" });
      // Saved again: the note and tags it had come back (tags deleted since stay gone).
      const [kept] = await tx
        .delete(unsavedKeepsakes)
        .where(and(eq(unsavedKeepsakes.userId, userId), eq(unsavedKeepsakes.insightId, insightId)))
        .returning();
      if (kept) {
        if (kept.note !== null)
          await tx.update(saves).set({ note: kept.note }).where(eq(saves.id, created.saveId));
        const stillThere = kept.tagIds.length
          ? await tx
              .select({ id: tags.id })
              .from(tags)
              .where(and(eq(tags.userId, userId), inArray(tags.id, kept.tagIds)))
          : [];
        if (stillThere.length > 0)
          await tx
            .insert(saveTags)
            .values(stillThere.map((tag) => ({ saveId: created.saveId, tagId: tag.id })))
            .onConflictDoNothing();
      }
    }
    const [row] = await tx
      .select({ saveId: saves.id })
      .from(saves)
      .where(and(eq(saves.userId, userId), eq(saves.insightId, insightId)));
    return row ? { saveId: row.saveId, created: Boolean(created) } : null;
  });
}

/**
 * Removes a save; false when the reader had not saved it. Its note and tags are kept aside and
 * come back if the reader saves the insight again. `db`: the caller's transaction, if any.
 */
export async function unsaveInsight({
  userId,
  insightId,
  db: given,
}: {
  userId: string;
  insightId: string;
  db?: Db;
}): Promise<boolean> {
  if (!isUuid(insightId)) return false;
  const db = given ?? (await getDb());
  return db.transaction(async (tx) => {
    const [save] = await tx
      .select({ id: saves.id, note: saves.note })
      .from(saves)
      .where(and(eq(saves.userId, userId), eq(saves.insightId, insightId)))
      .for("update");
    if (!save) return false;
    const tagIds = (
      await tx.select({ id: saveTags.tagId }).from(saveTags).where(eq(saveTags.saveId, save.id))
    ).map((row) => row.id);
    if (save.note !== null || tagIds.length > 0) {
      const kept = { note: save.note, tagIds };
      await tx
        .insert(unsavedKeepsakes)
        .values({ userId, insightId, ...kept })
        .onConflictDoUpdate({
          target: [unsavedKeepsakes.userId, unsavedKeepsakes.insightId],
          set: kept,
        });
    }
    await tx.delete(saves).where(eq(saves.id, save.id));
    return true;
  });
}

export async function setSaveNote({
  userId,
  saveId,
  note,
}: {
  userId: string;
  saveId: string;
  note: string | null;
}): Promise<boolean> {
  if (!isUuid(saveId)) return false;
  const db = await getDb();
  const updated = await db
    .update(saves)
    .set({ note })
    .where(and(eq(saves.id, saveId), eq(saves.userId, userId)))
    .returning({ id: saves.id });
  return updated.length > 0;
}

/** The reader's save of each given insight, with note and tags. */
export async function saveStates({
  userId,
  insightIds,
}: {
  userId: string;
  insightIds: string[];
}): Promise<Map<string, SaveState>> {
  const ids = insightIds.filter((id) => isUuid(id));
  if (ids.length === 0) return new Map();
  const db = await getDb();
  const rows = await db
    .select({
      saveId: saves.id,
      insightId: saves.insightId,
      savedAt: saves.createdAt,
      updatedAt: saves.updatedAt,
      note: saves.note,
      tagId: tags.id,
      tagName: tags.name,
    })
    .from(saves)
    .leftJoin(saveTags, eq(saveTags.saveId, saves.id))
    .leftJoin(tags, eq(tags.id, saveTags.tagId))
    .where(and(eq(saves.userId, userId), inArray(saves.insightId, ids)))
    .orderBy(asc(tags.name));
  const states = new Map<string, SaveState>();
  for (const row of rows) {
    const state = states.get(row.insightId) ?? {
      saveId: row.saveId,
      insightId: row.insightId,
      savedAt: row.savedAt,
      updatedAt: row.updatedAt,
      note: row.note,
      tags: [],
    };
    if (row.tagId && row.tagName) state.tags.push({ id: row.tagId, name: row.tagName });
    states.set(row.insightId, state);
  }
  return states;
}
