import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb, rowsOf } from "../client";
import { extractionCache } from "../schema";

// The model's answer per (transcript, model, prompt version). A worker claims a key before it
// calls the model, so two workers on the same episode never both pay for it.

export type CachedExtraction =
  | { state: "done"; result: unknown; usage: { input: number; output: number } | null }
  | { state: "claimed" }
  | { state: "busy" };

export async function claimExtraction({
  key,
  model,
  promptVersion,
  now,
  leaseSeconds,
}: {
  key: string;
  model: string;
  promptVersion: string;
  now: Date;
  leaseSeconds: number;
}): Promise<CachedExtraction> {
  const db = await getDb();
  const leaseUntil = new Date(now.getTime() + leaseSeconds * 1000);
  const inserted = await db
    .insert(extractionCache)
    .values({ key, model, promptVersion, status: "pending", leaseUntil })
    .onConflictDoNothing()
    .returning({ key: extractionCache.key });
  if (inserted.length > 0) return { state: "claimed" };
  // Someone has it: done, still working, or gone quiet (lease over) and ours to take over.
  const takenOver = rowsOf<{ key: string }>(
    await db.execute(sql`
      update ${extractionCache} set lease_until = ${leaseUntil.toISOString()}::timestamptz
      where key = ${key} and status = 'pending'
        and (lease_until is null or lease_until < ${now.toISOString()}::timestamptz)
      returning key`),
  );
  if (takenOver.length > 0) return { state: "claimed" };
  const [row] = await db.select().from(extractionCache).where(eq(extractionCache.key, key));
  if (row?.status === "done")
    return { state: "done", result: row.result, usage: row.usage ?? null };
  return { state: "busy" };
}

export async function completeExtraction({
  key,
  result,
  usage,
}: {
  key: string;
  result: unknown;
  usage: { input: number; output: number };
}): Promise<void> {
  const db = await getDb();
  await db
    .update(extractionCache)
    .set({ status: "done", result, usage, leaseUntil: null })
    .where(eq(extractionCache.key, key));
}

/** Gives a claimed key back after a failed call, so the next attempt may claim it at once. */
export async function releaseExtraction({ key }: { key: string }): Promise<void> {
  const db = await getDb();
  await db
    .delete(extractionCache)
    .where(and(eq(extractionCache.key, key), eq(extractionCache.status, "pending")));
}
