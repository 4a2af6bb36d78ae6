import "server-only";
import { sql } from "drizzle-orm";
import { getDb, rowsOf } from "../client";

// The stored embeddings as a whole: read the newest to check how it was made, and write new ones
// in batches (insights by id, readers' interests), for when the way of embedding changes.

export type EmbeddedText = { id: string; text: string; embedding: number[] | null };

/** The newest embedded insight with the text its embedding was made from; null when none. */
export async function newestInsightEmbedding(): Promise<EmbeddedText | null> {
  const db = await getDb();
  const [row] = rowsOf<{ id: string; text: string; embedding: string }>(
    await db.execute(sql`
      select id, headline || '. ' || body as text, embedding::text as embedding
      from insights where embedding is not null
      order by created_at desc, id desc limit 1`),
  );
  return row ? { id: row.id, text: row.text, embedding: JSON.parse(row.embedding) } : null;
}

/** Up to `limit` insights after `afterId` (by id), with the text their embedding is made from. */
export async function insightTexts({
  afterId,
  limit,
}: {
  afterId: string | null;
  limit: number;
}): Promise<{ id: string; text: string }[]> {
  const db = await getDb();
  const after = afterId ? sql`where id > ${afterId}::uuid` : sql``;
  return rowsOf<{ id: string; text: string }>(
    await db.execute(sql`
      select id, headline || '. ' || body as text from insights ${after}
      order by id limit ${limit}`),
  );
}

export async function setInsightEmbeddings(rows: { id: string; embedding: number[] }[]) {
  if (rows.length === 0) return;
  const db = await getDb();
  await db.execute(sql`
    update insights i set embedding = v.embedding::vector
    from jsonb_to_recordset(${vectorsJson(rows)}::jsonb) as v(key text, embedding text)
    where i.id = v.key::uuid`);
}

/** Readers who wrote interests, with the text. */
export async function readerInterests(): Promise<{ userId: string; text: string }[]> {
  const db = await getDb();
  return rowsOf<{ userId: string; text: string }>(
    await db.execute(sql`
      select user_id as "userId", interests as text from profiles where interests <> ''`),
  );
}

export async function setInterestEmbeddings(rows: { userId: string; embedding: number[] }[]) {
  if (rows.length === 0) return;
  const db = await getDb();
  await db.execute(sql`
    update profiles p set interests_embedding = v.embedding::vector
    from jsonb_to_recordset(${vectorsJson(rows.map((r) => ({ id: r.userId, embedding: r.embedding })))}::jsonb)
      as v(key text, embedding text)
    where p.user_id = v.key`);
}

/** Rows as one JSON parameter: [{ key, embedding: "[…]" }], pgvector's text form. */
function vectorsJson(rows: { id: string; embedding: number[] }[]): string {
  return JSON.stringify(rows.map((r) => ({ key: r.id, embedding: JSON.stringify(r.embedding) })));
}

/** Every reader's stored feed is ranked again before it is next shown. */
export async function markEveryFeedStale(): Promise<void> {
  const db = await getDb();
  await db.execute(sql`update profiles set feed_built_at = null`);
}
