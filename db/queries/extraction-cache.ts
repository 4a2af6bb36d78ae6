import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "../client";
import { extractionCache } from "../schema";
import { EXTRACTION_UNITS, leaseFree, releaseUnits, setLeases } from "./work-units";

// The model's answer per (transcript, model, prompt version). A worker claims a key before it
// calls the model, so two workers on the same transcript never both pay for it. A claim carries a
// token: only its holder may finish or release the row, so a worker whose lease ran out (and was
// taken over) can neither overwrite nor delete the new holder's claim.

export type CachedExtraction =
  | { state: "done"; result: unknown; usage: { input: number; output: number } | null }
  | { state: "claimed"; token: string }
  | { state: "busy" };

export async function claimExtraction({
  key,
  model,
  promptVersion,
  now,
  leaseUntil,
}: {
  key: string;
  model: string;
  promptVersion: string;
  now: Date;
  /** The claim's lease: the summarize unit's own (the episode's), so one lease guards the unit. */
  leaseUntil: Date;
}): Promise<CachedExtraction> {
  const db = await getDb();
  const token = randomUUID();
  const inserted = await db
    .insert(extractionCache)
    .values({ key, model, promptVersion, status: "pending", claimToken: token, leaseUntil })
    .onConflictDoNothing()
    .returning({ key: extractionCache.key });
  if (inserted.length > 0) return { state: "claimed", token };
  // Someone has it: done, still working, or gone quiet (lease over) and ours to take over.
  const takenOver = await setLeases(db, EXTRACTION_UNITS, {
    where: sql`x.key = ${key} and x.status = 'pending' and ${leaseFree(EXTRACTION_UNITS, now)}`,
    until: leaseUntil,
    set: sql`claim_token = ${token}`,
  });
  if (takenOver.length > 0) return { state: "claimed", token };
  const [row] = await db.select().from(extractionCache).where(eq(extractionCache.key, key));
  if (row?.status === "done")
    return { state: "done", result: row.result, usage: row.usage ?? null };
  return { state: "busy" };
}

/** Stores the answer; false when the claim was lost to another worker (nothing is written). */
export async function completeExtraction({
  key,
  token,
  result,
  usage,
}: {
  key: string;
  token: string;
  result: unknown;
  usage: { input: number; output: number };
}): Promise<boolean> {
  const db = await getDb();
  const done = await releaseUnits(db, EXTRACTION_UNITS, {
    where: sql`x.key = ${key} and x.claim_token = ${token}`,
    set: sql`status = 'done', result = ${JSON.stringify(result)}::jsonb,
             usage = ${JSON.stringify(usage)}::jsonb, claim_token = null`,
  });
  return done.length > 0;
}

/** Gives a claimed key back after a failed call, so the next attempt may claim it at once. */
export async function releaseExtraction({
  key,
  token,
}: {
  key: string;
  token: string;
}): Promise<void> {
  const db = await getDb();
  await db
    .delete(extractionCache)
    .where(
      and(
        eq(extractionCache.key, key),
        eq(extractionCache.status, "pending"),
        eq(extractionCache.claimToken, token),
      ),
    );
}
