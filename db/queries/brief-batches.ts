import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb, rowsOf } from "../client";
import { briefs } from "../schema";
import { BRIEF_UNITS, leaseEnd, releaseUnits, setLeases, uuidList } from "./work-units";

// Claimed briefs (briefs.ts) from rendered to sent: stored with their items, put into a batch
// under a lease, sent with one idempotency key per batch, marked. A batch left "sending" by a run
// that crashed is claimed whole by a later one and sent again as it was.

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
  // The claimed briefs' lease, renewed for the batch.
  const members = await setLeases(db, BRIEF_UNITS, {
    where: sql`b.id in (${uuidList(briefIds)}) and b.status = 'pending' and b.html is not null`,
    until: leaseEnd(leaseAt, leaseSeconds),
    set: sql`status = 'sending', batch_id = ${batchId}`,
  });
  return members.sort();
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
      const taken = await setLeases(tx, BRIEF_UNITS, {
        where: sql`b.batch_id = ${batchId} and b.status = 'sending' and b.lease_until < ${at}::timestamptz`,
        until: leaseEnd(leaseAt, leaseSeconds),
        countAttempt: true,
      });
      return taken.length > 0;
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
  await releaseUnits(db, BRIEF_UNITS, {
    where: sql`b.batch_id = ${batchId} and b.status = 'sending'`,
    // Free from now, not null: a batch "sending" with a lease run out is a stale batch.
    freeFrom: leaseAt,
    refundAttempt: !countAttempt,
  });
}
