import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb, rowsOf } from "../client";
import { saves, saveTags, tags } from "../schema";
import { isUuid } from "./input";

// A reader's tags and the tags on their saves. Every statement is scoped by user_id; a function
// that finds nothing of the reader's to change returns false (or "not_found") and changes nothing.

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
  if (!isUuid(tagId)) return "not_found";
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
  if (!isUuid(tagId)) return false;
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
  if (!isUuid(saveId)) return false;
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
  if (!isUuid(saveId) || !isUuid(tagId)) return false;
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

/**
 * Makes `names` the whole tag set of the reader's save of an insight (tags made when missing;
 * a tag taken off stays the reader's). False when the reader has not saved that insight.
 */
export async function replaceSaveTags({
  userId,
  insightId,
  names,
}: {
  userId: string;
  insightId: string;
  names: string[];
}): Promise<boolean> {
  if (!isUuid(insightId)) return false;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [save] = await tx
      .select({ id: saves.id })
      .from(saves)
      .where(and(eq(saves.userId, userId), eq(saves.insightId, insightId)))
      .for("update");
    if (!save) return false;
    await tx.delete(saveTags).where(eq(saveTags.saveId, save.id));
    const unique = [...new Set(names)];
    if (unique.length === 0) return true;
    await tx
      .insert(tags)
      .values(unique.map((name) => ({ userId, name })))
      .onConflictDoNothing();
    const wanted = await tx
      .select({ id: tags.id })
      .from(tags)
      .where(and(eq(tags.userId, userId), inArray(tags.name, unique)));
    await tx.insert(saveTags).values(wanted.map((tag) => ({ saveId: save.id, tagId: tag.id })));
    return true;
  });
}
