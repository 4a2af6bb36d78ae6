import "server-only";
import { getDb } from "../client";
import { topics } from "../schema";

/** Makes sure every topic of the vocabulary exists, with its current label. */
export async function upsertTopics({
  vocabulary,
}: {
  vocabulary: readonly { slug: string; label: string }[];
}): Promise<void> {
  const db = await getDb();
  for (const topic of vocabulary) {
    await db
      .insert(topics)
      .values(topic)
      .onConflictDoUpdate({ target: topics.slug, set: { label: topic.label } });
  }
}

export async function listTopics(): Promise<{ slug: string; label: string }[]> {
  const db = await getDb();
  return db.select().from(topics).orderBy(topics.label);
}
