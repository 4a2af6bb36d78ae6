import "server-only";
import { sql } from "drizzle-orm";
import { getDb, rowsOf } from "../client";

/**
 * Counts one hit against `key` in the current fixed window and says whether it is within `limit`.
 * One statement, so concurrent app instances share the count.
 */
export async function hitRateLimit({
  key,
  limit,
  windowSeconds,
  now = new Date(),
}: {
  key: string;
  limit: number;
  windowSeconds: number;
  now?: Date;
}): Promise<{ allowed: boolean; count: number; retryAfterSeconds: number }> {
  const db = await getDb();
  const { windowStart, retryAfterSeconds } = currentWindow(now, windowSeconds);
  const rows = rowsOf<{ count: number }>(
    await db.execute(sql`
      insert into rate_limits (key, window_start, count)
      values (${key}, ${windowStart.toISOString()}::timestamptz, 1)
      on conflict (key, window_start) do update set count = rate_limits.count + 1
      returning count`),
  );
  const count = Number(rows[0]?.count ?? 1);
  return { allowed: count <= limit, count, retryAfterSeconds };
}

/** Whether `key` is already past `limit` in the current window, without counting a hit. */
export async function peekRateLimit({
  key,
  limit,
  windowSeconds,
  now = new Date(),
}: {
  key: string;
  limit: number;
  windowSeconds: number;
  now?: Date;
}): Promise<{ allowed: boolean; count: number; retryAfterSeconds: number }> {
  const db = await getDb();
  const { windowStart, retryAfterSeconds } = currentWindow(now, windowSeconds);
  const rows = rowsOf<{ count: number }>(
    await db.execute(sql`
      select count from rate_limits
      where key = ${key} and window_start = ${windowStart.toISOString()}::timestamptz`),
  );
  const count = Number(rows[0]?.count ?? 0);
  return { allowed: count <= limit, count, retryAfterSeconds };
}

/** The fixed window `now` falls in, and how long until it ends. */
function currentWindow(now: Date, windowSeconds: number) {
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const retryAfterSeconds = Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000);
  return { windowStart, retryAfterSeconds };
}

/** Drops windows that ended more than a day ago. */
export async function pruneRateLimits({ now = new Date() }: { now?: Date } = {}): Promise<void> {
  const db = await getDb();
  const before = new Date(now.getTime() - 86_400_000).toISOString();
  await db.execute(sql`delete from rate_limits where window_start < ${before}::timestamptz`);
}
