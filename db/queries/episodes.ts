import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb, rowsOf } from "../client";
import { type Chapter, type Episode, type EpisodeStatus, episodes } from "../schema";

// Episodes as work units: claimed by status with a lease, then moved on or failed with a reason.

/** An episode claimed this often without finishing (its worker died each time) is left alone. */
const MAX_CLAIMS = 10;

export async function claimEpisodes({
  status,
  now,
  limit,
  leaseSeconds,
}: {
  status: EpisodeStatus;
  now: Date;
  limit: number;
  leaseSeconds: number;
}): Promise<Episode[]> {
  const db = await getDb();
  const leaseUntil = new Date(now.getTime() + leaseSeconds * 1000);
  const claimed = rowsOf<{ id: string }>(
    await db.execute(sql`
      update ${episodes} set lease_until = ${leaseUntil.toISOString()}::timestamptz, attempts = ${episodes.attempts} + 1
      where ${episodes.id} in (
        select id from ${episodes}
        where ${episodes.status} = ${status} and ${episodes.nextAttemptAt} <= ${now.toISOString()}::timestamptz
          and ${episodes.attempts} < ${MAX_CLAIMS}
          and (${episodes.leaseUntil} is null or ${episodes.leaseUntil} < ${now.toISOString()}::timestamptz)
        order by ${episodes.publishedAt} desc nulls last
        limit ${limit}
        for update skip locked
      )
      returning id`),
  );
  if (claimed.length === 0) return [];
  return db
    .select()
    .from(episodes)
    .where(
      sql`${episodes.id} in (${sql.join(
        claimed.map((r) => sql`${r.id}::uuid`),
        sql`, `,
      )})`,
    );
}

/** Moves an episode to its next status and releases its lease. */
export async function advanceEpisode({
  episodeId,
  status,
  chapters,
  tokenUsage,
}: {
  episodeId: string;
  status: EpisodeStatus;
  chapters?: Chapter[] | null;
  tokenUsage?: { input: number; output: number };
}): Promise<void> {
  const db = await getDb();
  await db
    .update(episodes)
    .set({
      status,
      leaseUntil: null,
      failureReason: null,
      attempts: 0,
      ...(chapters !== undefined ? { chapters } : {}),
      ...(tokenUsage ? { tokenUsage } : {}),
    })
    .where(eq(episodes.id, episodeId));
}

/** Records why an episode's work failed: retried at `nextAttemptAt`, or failed for good. */
export async function recordEpisodeFailure({
  episodeId,
  reason,
  nextAttemptAt,
  final,
  refundAttempt = false,
}: {
  episodeId: string;
  reason: string;
  nextAttemptAt: Date;
  final: boolean;
  /** The claim did no work (someone else holds the same job): it does not count as a try. */
  refundAttempt?: boolean;
}): Promise<void> {
  const db = await getDb();
  await db
    .update(episodes)
    .set({
      failureReason: reason.replaceAll("\u0000", "").slice(0, 500),
      nextAttemptAt,
      leaseUntil: null,
      ...(final ? { status: "failed" as const } : {}),
      ...(refundAttempt ? { attempts: sql`greatest(${episodes.attempts} - 1, 0)` } : {}),
    })
    .where(eq(episodes.id, episodeId));
}

/** Claims one episode by id, whatever its status, unless another worker holds its lease. */
export async function claimEpisode({
  episodeId,
  now,
  leaseSeconds,
}: {
  episodeId: string;
  now: Date;
  leaseSeconds: number;
}): Promise<Episode | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(episodeId))
    return null;
  const db = await getDb();
  const leaseUntil = new Date(now.getTime() + leaseSeconds * 1000);
  const [row] = await db
    .update(episodes)
    .set({ leaseUntil, attempts: sql`${episodes.attempts} + 1` })
    .where(
      sql`${episodes.id} = ${episodeId}::uuid and (${episodes.leaseUntil} is null or ${episodes.leaseUntil} < ${now.toISOString()}::timestamptz)`,
    )
    .returning();
  return row ?? null;
}
