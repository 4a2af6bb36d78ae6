// bench:brief's starting point: every reader due now, with two weeks of briefs already sent (what
// "seen" reads), as a live database has them.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

/** The batch id that marks the briefs of the seeded history. */
export const HISTORY = "bench-history";
const HISTORY_DAYS = 14;

/** The first `readers` readers due at `now` (hour 0 in each one's zone), with their history. */
export async function makeReadersDue(db: Db, now: Date, readers: number): Promise<void> {
  // Hour 0 in every reader's own zone: all are due at any moment, their zones kept as seeded.
  await db.execute(sql`truncate briefs, brief_items, outbox`);
  await db.execute(sql`update profiles p set brief_hour = 0, brief_enabled = r.n <= ${readers},
      unsubscribed_at = null, suppressed_at = null, onboarded_at = coalesce(onboarded_at, now())
    from (select user_id, row_number() over (order by user_id) as n from profiles) r
    where r.user_id = p.user_id`);
  // Two weeks of briefs already sent, five insights of the day before each, as a live database
  // has them: what each reader has seen is read from these.
  const at = sql`${now.toISOString()}::timestamptz`;
  await db.execute(sql`
    insert into briefs (user_id, local_date, status, batch_id, sent_at, created_at)
    select p.user_id, (${at} at time zone p.time_zone)::date - d, 'sent', ${HISTORY},
           ${at} - d * interval '1 day', ${at} - d * interval '1 day'
    from profiles p cross join generate_series(1, ${HISTORY_DAYS}) d
    where p.brief_enabled`);
  await db.execute(sql`
    insert into brief_items (brief_id, position, insight_id, kind)
    with pool as (
      select id, day, row_number() over (partition by day order by id)::int as rn
      from (select id, (created_at at time zone 'UTC')::date as day from insights
            where created_at > ${at} - make_interval(days => ${HISTORY_DAYS + 2})) x
    ),
    days as (select day, count(*)::int as n from pool group by day),
    picks as (
      select b.id as brief_id, k, d.day, 1 + floor(random() * d.n)::int as rn
      from briefs b cross join generate_series(0, 4) k
      join days d on d.day = b.local_date - 1
      where b.batch_id = ${HISTORY}
    )
    select picks.brief_id, picks.k, pool.id, 'top' from picks join pool using (day, rn)`);
  // Statistics as autovacuum keeps them on a live database.
  await db.execute(sql`analyze briefs, brief_items`);
}

/** Back to the start between runs: today's briefs gone, the history kept. */
export async function restartBriefs(db: Db): Promise<void> {
  await db.execute(sql`delete from briefs where batch_id is distinct from ${HISTORY}`);
  await db.execute(sql`truncate outbox`);
}
