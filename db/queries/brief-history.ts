import "server-only";
import { sql } from "drizzle-orm";
import { getDb, rowsOf } from "../client";
import { isCalendarDate } from "./input";

// A reader's brief history: the saves due to come back, and the briefs stored for them.

/** Days after saving at which a save comes back: first at 7, then 30, then 90. */
export const RESURFACE_AFTER_DAYS = [7, 30, 90] as const;
/** The same as gaps: from the save to the first time, then from each time to the next. */
const GAPS = RESURFACE_AFTER_DAYS.map((day, i) => day - (RESURFACE_AFTER_DAYS[i - 1] ?? 0));

/**
 * For each reader, the saved insight to bring back today, if any: the oldest save due for its
 * next resurfacing, spaced like 7 / 30 / 90 days after saving (7 days after the save, then 23
 * after that, then 60). `briefId` is the brief being composed, which does not count as shown.
 */
export async function resurfaceCandidates({
  readers,
  now,
}: {
  readers: { userId: string; briefId?: string }[];
  now: Date;
}): Promise<Map<string, { insightId: string; savedAt: Date }>> {
  const byReader = new Map<string, { insightId: string; savedAt: Date }>();
  if (readers.length === 0) return byReader;
  const db = await getDb();
  const list = JSON.stringify(readers.map((r) => ({ user_id: r.userId, brief_id: r.briefId })));
  const rows = rowsOf<{ user_id: string; insight_id: string; saved_at: string | Date }>(
    await db.execute(sql`
      select x.user_id, back.insight_id, back.saved_at
      from jsonb_to_recordset(${list}::jsonb) as x(user_id text, brief_id uuid)
      cross join lateral (
        with shown as (
          select bi.insight_id, count(*)::int as times, max(b.created_at) as last_at
          from brief_items bi join briefs b on b.id = bi.brief_id
          where b.user_id = x.user_id and bi.kind = 'resurfaced' and b.status <> 'skipped'
            and b.id is distinct from x.brief_id
          group by bi.insight_id
        )
        select s.insight_id, s.created_at as saved_at
        from saves s left join shown on shown.insight_id = s.insight_id
        where s.user_id = x.user_id
          and coalesce(shown.times, 0) < ${RESURFACE_AFTER_DAYS.length}
          and coalesce(shown.last_at, s.created_at) <= ${now.toISOString()}::timestamptz
                - make_interval(days => (array[${sql.raw(GAPS.join(","))}])[coalesce(shown.times, 0) + 1])
        order by s.created_at, s.id
        limit 1) back`),
  );
  for (const row of rows) {
    byReader.set(row.user_id, { insightId: row.insight_id, savedAt: new Date(row.saved_at) });
  }
  return byReader;
}

export type StoredBrief = {
  id: string;
  localDate: string;
  status: string;
  reason: string | null;
  subject: string | null;
  /** "weekly" for a brief that covers a week; "daily" or "weekdays" for one day's. */
  cadence: string;
  items: { insightId: string; kind: "top" | "resurfaced"; reason: string | null }[];
};

/** The reader's brief of one local date, with its items in order. */
export async function briefForDate({
  userId,
  localDate,
}: {
  userId: string;
  localDate: string;
}): Promise<StoredBrief | null> {
  if (!isCalendarDate(localDate)) return null;
  const db = await getDb();
  const rows = rowsOf<{
    id: string;
    status: string;
    reason: string | null;
    subject: string | null;
    cadence: string;
    insight_id: string | null;
    kind: "top" | "resurfaced" | null;
    item_reason: string | null;
  }>(
    await db.execute(sql`
      select b.id, b.status, b.reason, b.subject, b.cadence, bi.insight_id, bi.kind, bi.reason as item_reason
      from briefs b left join brief_items bi on bi.brief_id = b.id
      where b.user_id = ${userId} and b.local_date = ${localDate}::date
      order by bi.position`),
  );
  const first = rows[0];
  if (!first) return null;
  return {
    id: first.id,
    localDate,
    status: first.status,
    reason: first.reason,
    subject: first.subject,
    cadence: first.cadence,
    items: rows.flatMap((r) =>
      r.insight_id && r.kind
        ? [{ insightId: r.insight_id, kind: r.kind, reason: r.item_reason }]
        : [],
    ),
  };
}

export type BriefSummary = {
  localDate: string;
  status: string;
  subject: string | null;
  itemCount: number;
};

/** The reader's briefs, newest date first; `before`: only dates before this one. */
export async function listBriefs({
  userId,
  before,
  limit = 30,
}: {
  userId: string;
  before?: string;
  limit?: number;
}): Promise<BriefSummary[]> {
  const db = await getDb();
  const until = before && isCalendarDate(before) ? sql`and b.local_date < ${before}::date` : sql``;
  const rows = rowsOf<{ local_date: string; status: string; subject: string | null; n: number }>(
    await db.execute(sql`
      select to_char(b.local_date, 'YYYY-MM-DD') as local_date, b.status, b.subject,
             (select count(*) from brief_items bi where bi.brief_id = b.id)::int as n
      from briefs b
      where b.user_id = ${userId} ${until}
      order by b.local_date desc
      limit ${limit}`),
  );
  return rows.map((r) => ({
    localDate: r.local_date,
    status: r.status,
    subject: r.subject,
    itemCount: Number(r.n),
  }));
}
