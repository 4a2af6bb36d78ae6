import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "../client";
import { topics } from "../schema";

/** Makes sure every topic of the vocabulary exists, with its current label. */
export async function upsertTopics({
  vocabulary,
}: {
  vocabulary: readonly { slug: string; label: string }[];
}): Promise<void> {
  if (vocabulary.length === 0) return;
  const db = await getDb();
  await db
    .insert(topics)
    .values([...vocabulary])
    .onConflictDoUpdate({ target: topics.slug, set: { label: sql`excluded.label` } });
}

export async function listTopics(): Promise<{ slug: string; label: string }[]> {
  const db = await getDb();
  return db.select().from(topics).orderBy(topics.label);
}
