import "server-only";
import { inArray, sql } from "drizzle-orm";
import { getDb } from "../client";
import { type Chapter, type Episode, type EpisodeStatus, episodes } from "../schema";
import { claimUnits, EPISODE_UNITS, leaseEnd, releaseUnits } from "./work-units";

// Episodes as work units (work-units.ts): claimed by status with a lease, then moved on or failed
// with a reason.

export async function claimEpisodes({
  status,
  now,
  limit,
  leaseSeconds,
  maxClaims,
}: {
  status: EpisodeStatus;
  now: Date;
  limit: number;
  leaseSeconds: number;
  /** An episode claimed this often without finishing (its worker died each time) is left alone. */
  maxClaims: number;
}): Promise<Episode[]> {
  const db = await getDb();
  const claimed = await claimUnits(db, EPISODE_UNITS, {
    at: now,
    until: leaseEnd(now, leaseSeconds),
    limit,
    where: sql`e.status = ${status} and e.next_attempt_at <= ${now.toISOString()}::timestamptz`,
    order: sql`e.published_at desc nulls last`,
    maxClaims,
  });
  return episodesByIds(claimed.map((r) => r.key));
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
  const claimed = await claimUnits(db, EPISODE_UNITS, {
    at: now,
    until: leaseEnd(now, leaseSeconds),
    limit: 1,
    where: sql`e.id = ${episodeId}::uuid`,
    order: sql`e.id`,
  });
  const [row] = await episodesByIds(claimed.map((r) => r.key));
  return row ?? null;
}

async function episodesByIds(ids: string[]): Promise<Episode[]> {
  if (ids.length === 0) return [];
  const db = await getDb();
  return db.select().from(episodes).where(inArray(episodes.id, ids));
}

/** Moves an episode to its next status and releases its lease; its next stage starts afresh. */
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
  const json = (value: unknown) => sql`${value === null ? null : JSON.stringify(value)}::jsonb`;
  await releaseUnits(db, EPISODE_UNITS, {
    where: sql`e.id = ${episodeId}::uuid`,
    set: sql.join(
      [
        sql`status = ${status}, failure_reason = null, attempts = 0`,
        ...(chapters !== undefined ? [sql`chapters = ${json(chapters)}`] : []),
        ...(tokenUsage ? [sql`token_usage = ${json(tokenUsage)}`] : []),
      ],
      sql`, `,
    ),
  });
}

/** Records why an episode's work failed: retried at `nextAttemptAt`, or failed for good. */
export async function recordEpisodeFailure({
  episodeId,
  reason,
  nextAttemptAt,
  final,
}: {
  episodeId: string;
  reason: string;
  nextAttemptAt: Date;
  final: boolean;
}): Promise<void> {
  const db = await getDb();
  await releaseUnits(db, EPISODE_UNITS, {
    where: sql`e.id = ${episodeId}::uuid`,
    set: sql`failure_reason = ${reason.replaceAll("\u0000", "").slice(0, 500)},
             next_attempt_at = ${nextAttemptAt.toISOString()}::timestamptz
             ${final ? sql`, status = 'failed'` : sql``}`,
  });
}
