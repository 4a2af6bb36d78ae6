import "server-only";
import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { getDb, rowsOf } from "../client";
import { briefs } from "../schema";

// Daily briefs as work units: made when due, claimed with a lease, rendered and stored, sent in
// batches, marked. Each step is one idempotent statement, so a crash or an overlapping run repeats
// nothing that was done.

/** A reader whose brief is due may get one: not unsubscribed, not suppressed, onboarded, with an email. */
const eligible = sql`p.brief_enabled and p.unsubscribed_at is null and p.suppressed_at is null
  and p.onboarded_at is not null and u.email is not null`;

/**
 * Makes today's brief (pending) for every eligible reader whose local hour has reached their
 * brief hour. Unique per reader and local date: a second run, or a repeated hour on a
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
      insert into briefs (user_id, local_date, status)
      select p.user_id, (${at} at time zone p.time_zone)::date, 'pending'
      from profiles p join users u on u.id = p.user_id
      where ${eligible}
        and extract(hour from ${at} at time zone p.time_zone) >= p.brief_hour
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
  followedTopics: string[];
  rendered: boolean;
  /** When this claim's lease ends: the claim is ours while the brief holds this lease. */
  leaseUntil: Date;
};

/**
 * Claims pending briefs (not yet batched) whose lease is free, for `leaseSeconds`. Briefs of
 * readers who unsubscribed or were suppressed since are never claimed.
 */
export async function claimPendingBriefs({
  now,
  leaseAt,
  leaseSeconds,
  limit,
  email,
}: {
  /** The moment the run acts as of: a brief is claimed only on its reader's local date. */
  now: Date;
  /** The wall clock, for leases (a run "as of" another moment still holds real leases). */
  leaseAt: Date;
  leaseSeconds: number;
  limit: number;
  email?: string;
}): Promise<ClaimedBrief[]> {
  const db = await getDb();
  const asOf = sql`${now.toISOString()}::timestamptz`;
  const at = leaseAt.toISOString();
  const until = new Date(leaseAt.getTime() + leaseSeconds * 1000).toISOString();
  const rows = rowsOf<{
    id: string;
    user_id: string;
    email: string;
    local_date: string | Date;
    followed_topics: string[] | null;
    rendered: boolean;
  }>(
    await db.execute(sql`
      with picked as (
        select b.id from briefs b
        join profiles p on p.user_id = b.user_id
        join users u on u.id = b.user_id
        where b.status = 'pending' and b.batch_id is null
          and (b.lease_until is null or b.lease_until < ${at}::timestamptz)
          and b.local_date = (${asOf} at time zone p.time_zone)::date
          and b.attempts < ${MAX_CLAIMS}
          and ${eligible}
          ${email ? sql`and lower(u.email) = lower(${email})` : sql``}
        order by b.created_at, b.id
        limit ${limit}
        for update of b skip locked
      )
      update briefs b set lease_until = ${until}::timestamptz, attempts = b.attempts + 1
      from picked, users u, profiles p
      where b.id = picked.id and u.id = b.user_id and p.user_id = b.user_id
      returning b.id, b.user_id, u.email, b.local_date, p.followed_topics,
                (b.html is not null) as rendered`),
  );
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    email: r.email,
    localDate: typeof r.local_date === "string" ? r.local_date.slice(0, 10) : isoDate(r.local_date),
    followedTopics: r.followed_topics ?? [],
    rendered: Boolean(r.rendered),
    leaseUntil: new Date(until),
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
  await db.execute(sql`
    update briefs b set lease_until = null, attempts = greatest(b.attempts - 1, 0)
    from jsonb_to_recordset(${rows}::jsonb) as c(id uuid, until timestamptz)
    where b.id = c.id and b.lease_until = c.until and b.status = 'pending' and b.batch_id is null`);
}

function isoDate(value: Date): string {
  return `${value.getFullYear()}-${String(value.getMonth() + 1).padStart(2, "0")}-${String(value.getDate()).padStart(2, "0")}`;
}

export type ComposedBrief = {
  briefId: string;
  recipient: string;
  subject: string;
  headers: Record<string, string>;
  html: string;
  text: string;
  htmlHash: string;
  items: { insightId: string; kind: "top" | "resurfaced"; reason: string }[];
};

/**
 * Stores rendered emails and their items, a group in one transaction: from here on, every send
 * uses exactly these. Returns the ids stored; a brief another run has batched or sent meanwhile
 * keeps what it had.
 */
export async function storeComposedBriefs(list: ComposedBrief[]): Promise<string[]> {
  if (list.length === 0) return [];
  const db = await getDb();
  return db.transaction(async (tx) => {
    const emails = JSON.stringify(
      list.map((b) => ({
        id: b.briefId,
        recipient: b.recipient,
        subject: b.subject,
        headers: b.headers,
        html: b.html,
        text: b.text,
        html_hash: b.htmlHash,
      })),
    );
    const stored = rowsOf<{ id: string }>(
      await tx.execute(sql`
        update briefs b set recipient = v.recipient, subject = v.subject, headers = v.headers,
                            html = v.html, text = v.text, html_hash = v.html_hash
        from jsonb_to_recordset(${emails}::jsonb)
          as v(id uuid, recipient text, subject text, headers jsonb, html text, text text,
               html_hash text)
        where b.id = v.id and b.status = 'pending' and b.batch_id is null
        returning b.id`),
    ).map((r) => r.id);
    if (stored.length === 0) return [];
    const ids = new Set(stored);
    const items = JSON.stringify(
      list
        .filter((b) => ids.has(b.briefId))
        .flatMap((b) =>
          b.items.map((item, position) => ({ briefId: b.briefId, position, ...item })),
        ),
    );
    await tx.execute(sql`
      delete from brief_items
      where brief_id in (select jsonb_array_elements_text(${JSON.stringify(stored)}::jsonb)::uuid)`);
    await tx.execute(sql`
      insert into brief_items (brief_id, position, insight_id, kind, reason)
      select v."briefId", v.position, v."insightId", v.kind, v.reason
      from jsonb_to_recordset(${items}::jsonb)
        as v("briefId" uuid, position int, "insightId" uuid, kind text, reason text)`);
    return stored;
  });
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
 * Puts rendered pending briefs into one batch (status "sending", one batch id) under a lease.
 * Returns the ids that joined, in the order the batch is sent.
 */
export async function formBatch({
  briefIds,
  batchId,
  leaseAt,
  leaseSeconds,
}: {
  briefIds: string[];
  batchId: string;
  leaseAt: Date;
  leaseSeconds: number;
}): Promise<string[]> {
  if (briefIds.length === 0) return [];
  const db = await getDb();
  const rows = await db
    .update(briefs)
    .set({
      status: "sending",
      batchId,
      leaseUntil: new Date(leaseAt.getTime() + leaseSeconds * 1000),
    })
    .where(and(inArray(briefs.id, briefIds), eq(briefs.status, "pending"), isNotNull(briefs.html)))
    .returning({ id: briefs.id });
  return rows.map((r) => r.id).sort();
}

/**
 * Batches left in "sending" by a run that crashed or lost its lease: each is claimed whole (every
 * brief of it, one statement), so it is re-sent with the same key and the same body.
 */
export async function claimStaleBatches({
  leaseAt,
  leaseSeconds,
  limit,
}: {
  leaseAt: Date;
  leaseSeconds: number;
  limit: number;
}): Promise<string[]> {
  const db = await getDb();
  const at = leaseAt.toISOString();
  const until = new Date(leaseAt.getTime() + leaseSeconds * 1000).toISOString();
  // A batch unconfirmed for most of a day is not sent again: the provider keeps idempotency keys
  // for 24 hours, and after that a replay would be a second email. It is closed as failed.
  await db.execute(sql`
    update briefs set status = 'failed', lease_until = null,
      reason = 'the provider did not confirm this batch within a day; not sent again to avoid a duplicate'
    where status = 'sending' and lease_until < ${at}::timestamptz
      and created_at < ${at}::timestamptz - interval '22 hours'`);
  const stale = rowsOf<{ batch_id: string }>(
    await db.execute(sql`
      select distinct batch_id from briefs
      where status = 'sending' and batch_id is not null and lease_until < ${at}::timestamptz
      limit ${limit}`),
  );
  const claimed: string[] = [];
  for (const { batch_id: batchId } of stale) {
    // Two runs may see the same stale batch: a lock on the batch id lets exactly one take it whole.
    const taken = await db.transaction(async (tx) => {
      const [lock] = rowsOf<{ locked: boolean }>(
        await tx.execute(sql`select pg_try_advisory_xact_lock(hashtext(${batchId})) as locked`),
      );
      if (!lock?.locked) return false;
      const rows = rowsOf<{ id: string }>(
        await tx.execute(sql`
          update briefs set lease_until = ${until}::timestamptz, attempts = attempts + 1
          where batch_id = ${batchId} and status = 'sending' and lease_until < ${at}::timestamptz
          returning id`),
      );
      return rows.length > 0;
    });
    if (taken) claimed.push(batchId);
  }
  return claimed;
}

export type BatchEmail = {
  briefId: string;
  localDate: string;
  recipient: string;
  subject: string;
  headers: Record<string, string>;
  html: string;
  text: string;
  attempts: number;
};

/** The stored emails of a batch, in the order they are sent (by brief id). */
export async function batchEmails({ batchId }: { batchId: string }): Promise<BatchEmail[]> {
  const db = await getDb();
  const rows = await db
    .select({
      briefId: briefs.id,
      localDate: briefs.localDate,
      recipient: briefs.recipient,
      subject: briefs.subject,
      headers: briefs.headers,
      html: briefs.html,
      text: briefs.text,
      attempts: briefs.attempts,
    })
    .from(briefs)
    .where(and(eq(briefs.batchId, batchId), eq(briefs.status, "sending")))
    .orderBy(asc(briefs.id));
  return rows.map((r) => ({
    briefId: r.briefId,
    localDate: r.localDate,
    recipient: r.recipient ?? "",
    subject: r.subject ?? "",
    headers: r.headers ?? {},
    html: r.html ?? "",
    text: r.text ?? "",
    attempts: r.attempts,
  }));
}

/** Marks a batch's briefs sent, each with the provider's id for it. */
export async function markBatchSent({
  batchId,
  sent,
  now,
}: {
  batchId: string;
  sent: { briefId: string; providerId: string }[];
  now: Date;
}): Promise<void> {
  if (sent.length === 0) return;
  const db = await getDb();
  const rows = JSON.stringify(sent);
  await db.execute(sql`
    update briefs b set status = 'sent', provider_id = s."providerId", sent_at = ${now.toISOString()}::timestamptz,
                        lease_until = null
    from jsonb_to_recordset(${rows}::jsonb) as s("briefId" uuid, "providerId" text)
    where b.id = s."briefId" and b.batch_id = ${batchId} and b.status = 'sending'`);
}

/**
 * Gives a batch's lease back early, to be retried by a later run. A rate limit or a quota is not
 * the batch's fault, so that claim does not count as an attempt.
 */
export async function releaseBatch({
  batchId,
  leaseAt,
  countAttempt,
}: {
  batchId: string;
  leaseAt: Date;
  countAttempt: boolean;
}) {
  const db = await getDb();
  await db
    .update(briefs)
    .set({
      leaseUntil: leaseAt,
      ...(countAttempt ? {} : { attempts: sql`greatest(${briefs.attempts} - 1, 0)` }),
    })
    .where(and(eq(briefs.batchId, batchId), eq(briefs.status, "sending")));
}

/**
 * Closes pending briefs that can no longer go out: their local date has passed (a brief is never
 * sent the next day), their reader stopped the brief, or composing failed too often.
 */
export async function closeStaleBriefs({ now }: { now: Date }): Promise<number> {
  const db = await getDb();
  const asOf = sql`${now.toISOString()}::timestamptz`;
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`
      update briefs b
        set status = case when b.attempts >= ${MAX_CLAIMS} then 'failed' else 'skipped' end,
            lease_until = null,
        reason = case
          when not (p.brief_enabled and p.unsubscribed_at is null and p.suppressed_at is null)
            then 'the reader stopped the brief or the address was suppressed'
          when b.attempts >= ${MAX_CLAIMS} then 'composing failed ${sql.raw(String(MAX_CLAIMS))} times'
          else 'its local day passed before it could be sent' end
      from profiles p
      where p.user_id = b.user_id and b.status = 'pending' and b.batch_id is null
        and (b.lease_until is null or b.lease_until < ${asOf})
        and (b.local_date < (${asOf} at time zone p.time_zone)::date
             or not (p.brief_enabled and p.unsubscribed_at is null and p.suppressed_at is null)
             or b.attempts >= ${MAX_CLAIMS})
      returning b.id`),
  );
  return rows.length;
}

/** How many times a pending brief is claimed before it is given up. */
export const MAX_CLAIMS = 6;

/** Readers whose brief would be due now (the CLI's --dry-run), without making any. */
export async function dueReaders({
  now,
  email,
}: {
  now: Date;
  email?: string;
}): Promise<{ userId: string; email: string; localDate: string; followedTopics: string[] }[]> {
  const db = await getDb();
  const at = sql`${now.toISOString()}::timestamptz`;
  const rows = rowsOf<{
    user_id: string;
    email: string;
    local_date: string;
    followed_topics: string[];
  }>(
    await db.execute(sql`
      select p.user_id, u.email, to_char((${at} at time zone p.time_zone)::date, 'YYYY-MM-DD') as local_date,
             p.followed_topics
      from profiles p join users u on u.id = p.user_id
      where ${eligible}
        and extract(hour from ${at} at time zone p.time_zone) >= p.brief_hour
        ${email ? sql`and lower(u.email) = lower(${email})` : sql``}
        and not exists (select 1 from briefs b where b.user_id = p.user_id
                          and b.local_date = (${at} at time zone p.time_zone)::date)
      order by u.email`),
  );
  return rows.map((r) => ({
    userId: r.user_id,
    email: r.email,
    localDate: r.local_date,
    followedTopics: r.followed_topics ?? [],
  }));
}
