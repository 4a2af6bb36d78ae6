import "server-only";
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import { getDb, rowsOf } from "../client";
import { type BriefCadence, briefs } from "../schema";
import { BRIEF_UNITS, claimUnits, leaseEnd, leaseFree, releaseUnits } from "./work-units";

// Daily briefs as work units (work-units.ts): made when due, claimed with a lease, rendered and
// stored (brief-batches.ts), sent in batches, marked. Each step is one idempotent statement, so a
// crash or an overlapping run repeats nothing that was done.

/** A reader whose brief is due may get one: not unsubscribed, not suppressed, onboarded, with an email. */
const eligible = sql`p.brief_enabled and p.unsubscribed_at is null and p.suppressed_at is null
  and p.onboarded_at is not null and u.email is not null`;

/**
 * The reader's brief is due at `at`: their local hour has reached their brief hour, on a local
 * day their cadence sends on (daily: every day; weekdays: Monday to Friday; weekly: their chosen
 * weekday, 0 = Sunday as extract(dow) counts). A brief already made for the local date is never
 * made again (the unique reader and date), so changing the cadence midweek sends nothing twice.
 */
function dueAt(at: SQL): SQL {
  const local = sql`(${at} at time zone p.time_zone)`;
  return sql`extract(hour from ${local}) >= p.brief_hour
    and (p.brief_cadence = 'daily'
         or (p.brief_cadence = 'weekdays' and extract(isodow from ${local}) between 1 and 5)
         or (p.brief_cadence = 'weekly' and extract(dow from ${local}) = p.brief_weekday))`;
}

/**
 * Makes today's brief (pending) for every eligible reader whose brief is due (dueAt), of their
 * cadence. Unique per reader and local date: a second run, or a repeated hour on a
 * daylight-saving day, makes nothing more. Returns how many were made.
 */
export async function createDueBriefs({
  now,
  email,
}: {
  now: Date;
  /** Only this reader (the CLI's --user). */
  email?: string;
}): Promise<number> {
  const db = await getDb();
  const at = sql`${now.toISOString()}::timestamptz`;
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`
      insert into briefs (user_id, local_date, status, cadence)
      select p.user_id, (${at} at time zone p.time_zone)::date, 'pending', p.brief_cadence
      from profiles p join users u on u.id = p.user_id
      where ${eligible} and ${dueAt(at)}
        ${email ? sql`and lower(u.email) = lower(${email})` : sql``}
      on conflict (user_id, local_date) do nothing
      returning id`),
  );
  return rows.length;
}

export type ClaimedBrief = {
  id: string;
  userId: string;
  email: string;
  localDate: string;
  cadence: BriefCadence;
  followedTopics: string[];
  rendered: boolean;
  /** When this claim's lease ends: the claim is ours while the brief holds this lease. */
  leaseUntil: Date;
};

/**
 * Claims pending briefs (not yet batched) of their reader's local date whose lease is free, for
 * `leaseSeconds`. Briefs of readers who unsubscribed or were suppressed since are never claimed.
 */
export async function claimPendingBriefs({
  now,
  leaseAt,
  leaseSeconds,
  limit,
  maxClaims,
  email,
}: {
  /** The moment the run acts as of: a brief is claimed only on its reader's local date. */
  now: Date;
  /** The wall clock, for leases (a run "as of" another moment still holds real leases). */
  leaseAt: Date;
  leaseSeconds: number;
  limit: number;
  /** A brief claimed this often without being sent is left alone (and closed as failed). */
  maxClaims: number;
  email?: string;
}): Promise<ClaimedBrief[]> {
  const db = await getDb();
  const until = leaseEnd(leaseAt, leaseSeconds);
  const rows = await claimUnits<{
    id: string;
    user_id: string;
    email: string;
    local_date: string | Date;
    cadence: BriefCadence;
    followed_topics: string[] | null;
    rendered: boolean;
  }>(db, BRIEF_UNITS, {
    at: leaseAt,
    until,
    limit,
    maxClaims,
    join: sql`join profiles p on p.user_id = b.user_id join users u on u.id = b.user_id`,
    where: sql`b.status = 'pending' and b.batch_id is null
      and b.local_date = (${now.toISOString()}::timestamptz at time zone p.time_zone)::date
      and ${eligible} ${email ? sql`and lower(u.email) = lower(${email})` : sql``}`,
    order: sql`b.created_at, b.id`,
    carry: sql`, u.email, p.followed_topics`,
    returning: sql`b.id, b.user_id, picked.email, b.local_date, b.cadence, picked.followed_topics,
                   (b.html is not null) as rendered`,
  });
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    email: r.email,
    localDate: typeof r.local_date === "string" ? r.local_date.slice(0, 10) : isoDate(r.local_date),
    cadence: r.cadence,
    followedTopics: r.followed_topics ?? [],
    rendered: Boolean(r.rendered),
    leaseUntil: until,
  }));
}

/**
 * Gives back claims a run took but did not use: unleased, and not counted as an attempt. A brief
 * whose lease ran out and was claimed again since belongs to that claim, and is left alone.
 */
export async function releaseClaims(claims: { id: string; leaseUntil: Date }[]): Promise<void> {
  if (claims.length === 0) return;
  const db = await getDb();
  const rows = JSON.stringify(claims.map((c) => ({ id: c.id, until: c.leaseUntil.toISOString() })));
  await releaseUnits(db, BRIEF_UNITS, {
    where: sql`(b.id, b.lease_until) in (
        select id, until from jsonb_to_recordset(${rows}::jsonb) as c(id uuid, until timestamptz))
      and b.status = 'pending' and b.batch_id is null`,
    refundAttempt: true,
  });
}

function isoDate(value: Date): string {
  return `${value.getFullYear()}-${String(value.getMonth() + 1).padStart(2, "0")}-${String(value.getDate()).padStart(2, "0")}`;
}

/** Records a brief that is not sent (a quiet day, or a lasting failure) and why. */
export async function closeBrief({
  briefId,
  status,
  reason,
}: {
  briefId: string;
  status: "skipped" | "failed";
  reason: string;
}): Promise<void> {
  const db = await getDb();
  await db
    .update(briefs)
    .set({ status, reason, leaseUntil: null })
    .where(and(eq(briefs.id, briefId), inArray(briefs.status, ["pending", "sending"])));
}

/**
 * Closes pending briefs that can no longer go out: their local date has passed (a brief is never
 * sent the next day), their reader stopped the brief, or composing failed too often.
 */
export async function closeStaleBriefs({
  now,
  maxClaims,
}: {
  now: Date;
  maxClaims: number;
}): Promise<number> {
  const db = await getDb();
  const asOf = sql`${now.toISOString()}::timestamptz`;
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`
      update briefs b
        set status = case when b.attempts >= ${maxClaims} then 'failed' else 'skipped' end,
            lease_until = null,
        reason = case
          when not (p.brief_enabled and p.unsubscribed_at is null and p.suppressed_at is null)
            then 'the reader stopped the brief or the address was suppressed'
          when b.attempts >= ${maxClaims} then 'composing failed ' || ${maxClaims}::int || ' times'
          else 'its local day passed before it could be sent' end
      from profiles p
      where p.user_id = b.user_id and b.status = 'pending' and b.batch_id is null
        and ${leaseFree(BRIEF_UNITS, now)}
        and (b.local_date < (${asOf} at time zone p.time_zone)::date
             or not (p.brief_enabled and p.unsubscribed_at is null and p.suppressed_at is null)
             or b.attempts >= ${maxClaims})
      returning b.id`),
  );
  return rows.length;
}

/** Readers whose brief would be due now (the CLI's --dry-run), without making any. */
export async function dueReaders({ now, email }: { now: Date; email?: string }): Promise<
  {
    userId: string;
    email: string;
    localDate: string;
    cadence: BriefCadence;
    followedTopics: string[];
  }[]
> {
  const db = await getDb();
  const at = sql`${now.toISOString()}::timestamptz`;
  const rows = rowsOf<{
    user_id: string;
    email: string;
    local_date: string;
    brief_cadence: BriefCadence;
    followed_topics: string[];
  }>(
    await db.execute(sql`
      select p.user_id, u.email, to_char((${at} at time zone p.time_zone)::date, 'YYYY-MM-DD') as local_date,
             p.brief_cadence, p.followed_topics
      from profiles p join users u on u.id = p.user_id
      where ${eligible} and ${dueAt(at)}
        ${email ? sql`and lower(u.email) = lower(${email})` : sql``}
        and not exists (select 1 from briefs b where b.user_id = p.user_id
                          and b.local_date = (${at} at time zone p.time_zone)::date)
      order by u.email`),
  );
  return rows.map((r) => ({
    userId: r.user_id,
    email: r.email,
    localDate: r.local_date,
    cadence: r.brief_cadence,
    followedTopics: r.followed_topics ?? [],
  }));
}
