import "server-only";
import { eq, sql } from "drizzle-orm";
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

/** One topic of the vocabulary by its slug; null when there is none. */
export async function getTopic({
  slug,
}: {
  slug: string;
}): Promise<{ slug: string; label: string } | null> {
  const db = await getDb();
  const [row] = await db.select().from(topics).where(eq(topics.slug, slug));
  return row ?? null;
}
