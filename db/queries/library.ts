import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { type Db, getDb, rowsOf } from "../client";
import { events, insights, saves, saveTags, tags, unsavedKeepsakes } from "../schema";

// A reader's library: saves, notes and tags. Every statement is scoped by user_id; a function
// that finds nothing of the reader's to change returns null/false and changes nothing.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type SaveState = {
  saveId: string;
  insightId: string;
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
  if (!UUID.test(insightId)) return null;
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
  if (!UUID.test(insightId)) return false;
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
  if (!UUID.test(saveId)) return false;
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
  const ids = insightIds.filter((id) => UUID.test(id));
  if (ids.length === 0) return new Map();
  const db = await getDb();
  const rows = await db
    .select({
      saveId: saves.id,
      insightId: saves.insightId,
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
      note: row.note,
      tags: [],
    };
    if (row.tagId && row.tagName) state.tags.push({ id: row.tagId, name: row.tagName });
    states.set(row.insightId, state);
  }
  return states;
}

export type TagWithCount = { id: string; name: string; count: number };

export async function listTags({ userId }: { userId: string }): Promise<TagWithCount[]> {
  const db = await getDb();
  return db
    .select({
      id: tags.id,
      name: tags.name,
      count: sql<number>`count(${saveTags.saveId})`.mapWith(Number),
    })
    .from(tags)
    .leftJoin(saveTags, eq(saveTags.tagId, tags.id))
    .where(eq(tags.userId, userId))
    .groupBy(tags.id)
    .orderBy(asc(tags.name));
}

/** The reader's tag of that name, made when missing. */
export async function ensureTag({
  userId,
  name,
}: {
  userId: string;
  name: string;
}): Promise<{ id: string; name: string }> {
  const db = await getDb();
  await db.insert(tags).values({ userId, name }).onConflictDoNothing();
  const [tag] = await db
    .select({ id: tags.id, name: tags.name })
    .from(tags)
    .where(and(eq(tags.userId, userId), eq(tags.name, name)));
  if (!tag) throw new Error("a tag just made could not be read back");
  return tag;
}

/** Renames a tag; "not_found" when it is not the reader's, "taken" when the name is in use. */
export async function renameTag({
  userId,
  tagId,
  name,
}: {
  userId: string;
  tagId: string;
  name: string;
}): Promise<"renamed" | "not_found" | "taken"> {
  if (!UUID.test(tagId)) return "not_found";
  const db = await getDb();
  return db
    .transaction(async (tx) => {
      const [mine] = await tx
        .select({ id: tags.id, name: tags.name })
        .from(tags)
        .where(and(eq(tags.id, tagId), eq(tags.userId, userId)));
      if (!mine) return "not_found";
      if (mine.name === name) return "renamed";
      const [other] = await tx
        .select({ id: tags.id })
        .from(tags)
        .where(and(eq(tags.userId, userId), eq(tags.name, name)));
      if (other) return "taken";
      await tx.update(tags).set({ name }).where(eq(tags.id, tagId));
      return "renamed" as const;
    })
    .catch((error: unknown) => {
      // Two renames to one name at once: the unique index decides, and the loser hears "taken".
      if (isUniqueViolation(error)) return "taken" as const;
      throw error;
    });
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

export async function deleteTag({
  userId,
  tagId,
}: {
  userId: string;
  tagId: string;
}): Promise<boolean> {
  if (!UUID.test(tagId)) return false;
  const db = await getDb();
  const removed = await db
    .delete(tags)
    .where(and(eq(tags.id, tagId), eq(tags.userId, userId)))
    .returning({ id: tags.id });
  return removed.length > 0;
}

/** Puts a tag (by name, made when missing) on one of the reader's saves; false: no such save. */
export async function attachTag({
  userId,
  saveId,
  name,
}: {
  userId: string;
  saveId: string;
  name: string;
}): Promise<boolean> {
  if (!UUID.test(saveId)) return false;
  const db = await getDb();
  return db.transaction(async (tx) => {
    // Locks the save, so it cannot be removed between this check and the insert below.
    const [save] = await tx
      .select({ id: saves.id })
      .from(saves)
      .where(and(eq(saves.id, saveId), eq(saves.userId, userId)))
      .for("update");
    if (!save) return false;
    await tx.insert(tags).values({ userId, name }).onConflictDoNothing();
    const [tag] = await tx
      .select({ id: tags.id })
      .from(tags)
      .where(and(eq(tags.userId, userId), eq(tags.name, name)));
    if (!tag) throw new Error("a tag just made could not be read back");
    await tx.insert(saveTags).values({ saveId, tagId: tag.id }).onConflictDoNothing();
    return true;
  });
}

/** Takes a tag off a save; false unless both are the reader's and the tag was on it. */
export async function detachTag({
  userId,
  saveId,
  tagId,
}: {
  userId: string;
  saveId: string;
  tagId: string;
}): Promise<boolean> {
  if (!UUID.test(saveId) || !UUID.test(tagId)) return false;
  const db = await getDb();
  const removed = rowsOf<{ save_id: string }>(
    await db.execute(sql`
      delete from ${saveTags} st
      using ${saves} s, ${tags} t
      where st.save_id = ${saveId} and st.tag_id = ${tagId}
        and s.id = st.save_id and s.user_id = ${userId}
        and t.id = st.tag_id and t.user_id = ${userId}
      returning st.save_id`),
  );
  return removed.length > 0;
}
