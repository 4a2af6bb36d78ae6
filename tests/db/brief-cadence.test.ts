import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb, rowsOf } from "@/db/client";
import type { BriefRunOptions } from "@/lib/brief/run";
import { anInsight, givenEpisode, givenInsights, givenReader } from "./factories";

// The brief's cadence on a real database: daily, weekdays (Monday to Friday in the reader's own
// zone) or weekly on a chosen day, each at the reader's hour and exactly once a local day; and
// what a weekly or a Monday brief covers. Time is the run's `now`.

// 23 November 2026 is a Monday; the 27th a Friday.
const at = (iso: string) => new Date(iso);

/** `count` good insights, one per episode of its own show, made at `madeAt`. */
async function givenCatalog({
  count,
  madeAt,
  score = 0.7,
  label = "x",
}: {
  count: number;
  madeAt: Date;
  score?: number;
  label?: string;
}): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const { episodeId } = await givenEpisode({
      show: `Show ${label}${i}`,
      title: `Ep ${label}${i}`,
    });
    ids.push(
      ...(await givenInsights(episodeId, [
        anInsight({ headline: `Insight ${label}${i} on leading teams`, score }),
      ])),
    );
  }
  const db = await getDb();
  await db.execute(sql`update insights set created_at = ${madeAt.toISOString()}::timestamptz
                       where id in (${sql.join(
                         ids.map((id) => sql`${id}::uuid`),
                         sql`, `,
                       )})`);
  return ids;
}

async function givenCadenceReader({
  name = "reader",
  timeZone = "UTC",
  briefHour = 7,
  cadence,
  weekday = 1,
}: {
  name?: string;
  timeZone?: string;
  briefHour?: number;
  cadence: "daily" | "weekdays" | "weekly";
  weekday?: number;
}) {
  const reader = await givenReader(name);
  const db = await getDb();
  await db.execute(sql`
    insert into profiles (user_id, followed_topics, time_zone, brief_hour, onboarded_at,
                          brief_cadence, brief_weekday)
    values (${reader.id}, array['leadership'], ${timeZone}, ${briefHour}, now(),
            ${cadence}, ${weekday})`);
  return reader as { id: string; email: string };
}

async function briefsOf(userId: string) {
  const db = await getDb();
  return rowsOf<{ local_date: string; status: string; cadence: string }>(
    await db.execute(sql`select to_char(local_date, 'YYYY-MM-DD') as local_date, status, cadence
                         from briefs where user_id = ${userId} order by local_date`),
  );
}

async function outboxTo(email: string) {
  const db = await getDb();
  return rowsOf<{ subject: string; text: string; html: string }>(
    await db.execute(sql`select subject, text, html from outbox where "to" = ${email}`),
  );
}

async function itemsOf(userId: string) {
  const db = await getDb();
  return rowsOf<{ insight_id: string; kind: string }>(
    await db.execute(sql`select bi.insight_id, bi.kind from brief_items bi
                         join briefs b on b.id = bi.brief_id
                         where b.user_id = ${userId} order by bi.position`),
  );
}

async function run(now: Date) {
  const { runBriefs } = await import("@/lib/brief/run");
  const options: BriefRunOptions = {
    now,
    clock: () => now,
    callsPerSecond: 1000,
    sleep: async () => {},
  };
  return runBriefs(options);
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("a weekly brief", () => {
  it("goes out on its day at the reader's hour, exactly once, and not on the other six days", async () => {
    await givenCatalog({ count: 12, madeAt: at("2026-11-22T12:00:00Z") });
    const reader = await givenCadenceReader({ cadence: "weekly", weekday: 5 }); // Friday

    for (const day of ["21", "22", "23", "24", "25", "26"]) {
      const summary = await run(at(`2026-11-${day}T07:00:00Z`));
      expect(summary.due, `on the ${day}th`).toBe(0);
    }
    expect(await briefsOf(reader.id)).toEqual([]);

    // Friday: not before the hour; then at the hour, again at the hour, and an hour later.
    expect((await run(at("2026-11-27T06:45:00Z"))).due).toBe(0);
    expect((await run(at("2026-11-27T07:00:00Z"))).sent).toBe(1);
    expect((await run(at("2026-11-27T07:00:00Z"))).sent).toBe(0);
    expect((await run(at("2026-11-27T08:00:00Z"))).due).toBe(0);
    expect((await run(at("2026-11-28T07:00:00Z"))).due).toBe(0);

    expect(await briefsOf(reader.id)).toEqual([
      { local_date: "2026-11-27", status: "sent", cadence: "weekly" },
    ]);
    // Twelve good insights this week: the best ten go.
    expect(await itemsOf(reader.id)).toHaveLength(10);
    const emails = await outboxTo(reader.email);
    expect(emails).toHaveLength(1);
    expect(emails[0]?.subject).toMatch(
      /^Your weekly brief: Insight x\d+ on leading teams \+ 9 more$/,
    );
    expect(emails[0]?.text).toContain("Podbrief — your weekly brief, 21–27 November");
    expect(emails[0]?.html).toContain("Podbrief — your weekly brief, 21–27 November");
    expect(emails[0]?.text).toContain("You get this because you turned on the weekly brief");
    // Its web view knows it covers the week.
    const { readBrief } = await import("@/lib/views/brief");
    const web = await readBrief({ userId: reader.id, date: "2026-11-27" });
    expect(web?.weekly).toBe(true);
    expect(web?.items).toHaveLength(10);
  });

  it("holds the week's insights only: nothing older than seven days, nothing sent before", async () => {
    // Fewer than ten this week: older ones would fill the brief if the window let them in.
    const week = await givenCatalog({ count: 8, madeAt: at("2026-11-24T12:00:00Z"), label: "w" });
    // Better than any of the week's, but eight days old on Friday.
    const old = await givenCatalog({
      count: 3,
      madeAt: at("2026-11-19T12:00:00Z"),
      score: 0.95,
      label: "o",
    });
    const reader = await givenCadenceReader({ cadence: "weekly", weekday: 5 });
    // The week's best insight went out in an earlier brief already.
    const [sentBefore] = await givenCatalog({
      count: 1,
      madeAt: at("2026-11-25T12:00:00Z"),
      score: 0.95,
      label: "s",
    });
    const db = await getDb();
    await db.execute(sql`
      with b as (insert into briefs (user_id, local_date, status, sent_at)
                 values (${reader.id}, '2026-11-20', 'sent', '2026-11-20T07:00:00Z') returning id)
      insert into brief_items (brief_id, position, insight_id, kind, reason)
      select b.id, 0, ${sentBefore}::uuid, 'top', 'earlier' from b`);

    await run(at("2026-11-27T07:00:00Z"));

    const items = (await itemsOf(reader.id)).filter((i) => i.insight_id !== sentBefore);
    expect(items).toHaveLength(8);
    expect(items.every((i) => i.kind === "top" && week.includes(i.insight_id))).toBe(true);
    const ids = new Set((await itemsOf(reader.id)).map((i) => i.insight_id));
    expect(old.some((id) => ids.has(id))).toBe(false);
    // Only the earlier brief holds it.
    const holding = rowsOf<{ n: number }>(
      await db.execute(
        sql`select count(*)::int as n from brief_items where insight_id = ${sentBefore}::uuid`,
      ),
    );
    expect(holding[0]?.n).toBe(1);
  });
});

describe("a weekdays brief", () => {
  it("goes Monday to Friday in the reader's own zone, never on Saturday or Sunday", async () => {
    await givenCatalog({ count: 30, madeAt: at("2026-11-20T12:00:00Z") });
    // 07:00 in Auckland (UTC+13 in November) is 18:00 UTC the day before: a UTC weekday is wrong.
    const reader = await givenCadenceReader({ cadence: "weekdays", timeZone: "Pacific/Auckland" });
    for (const day of ["20", "21", "22", "23", "24", "25", "26"]) {
      await run(at(`2026-11-${day}T18:00:00Z`));
      await run(at(`2026-11-${day}T19:00:00Z`));
    }
    expect((await briefsOf(reader.id)).map((b) => b.local_date)).toEqual([
      "2026-11-23",
      "2026-11-24",
      "2026-11-25",
      "2026-11-26",
      "2026-11-27",
    ]);
  });

  it("on Monday covers the weekend since Friday's brief; a daily brief that day looks back two days", async () => {
    // Made on Friday after the 07:00 brief: 68 hours before Monday's.
    const friday = await givenCatalog({ count: 5, madeAt: at("2026-11-20T11:00:00Z") });
    const weekdays = await givenCadenceReader({ name: "weekdays", cadence: "weekdays" });
    const daily = await givenCadenceReader({ name: "daily", cadence: "daily" });
    const db = await getDb();
    for (const userId of [weekdays.id, daily.id]) {
      await db.execute(sql`insert into briefs (user_id, local_date, status, sent_at)
                           values (${userId}, '2026-11-20', 'sent', '2026-11-20T07:00:00Z')`);
    }

    await run(at("2026-11-23T07:00:00Z"));

    const monday = await itemsOf(weekdays.id);
    expect(monday).toHaveLength(5);
    expect(monday.every((i) => friday.includes(i.insight_id))).toBe(true);
    expect((await briefsOf(daily.id)).at(-1)).toMatchObject({
      local_date: "2026-11-23",
      status: "skipped",
    });
  });
});

describe("changing the cadence", () => {
  it("never sends twice in a day: a brief made today is the day's only one", async () => {
    await givenCatalog({ count: 8, madeAt: at("2026-11-26T12:00:00Z") });
    const reader = await givenCadenceReader({ cadence: "daily" });
    await run(at("2026-11-27T07:00:00Z"));
    const db = await getDb();
    // Friday, after the daily brief went out: weekly on Fridays, then weekdays.
    await db.execute(sql`update profiles set brief_cadence = 'weekly', brief_weekday = 5
                         where user_id = ${reader.id}`);
    await run(at("2026-11-27T09:00:00Z"));
    await db.execute(
      sql`update profiles set brief_cadence = 'weekdays' where user_id = ${reader.id}`,
    );
    await run(at("2026-11-27T10:00:00Z"));
    expect(await briefsOf(reader.id)).toEqual([
      { local_date: "2026-11-27", status: "sent", cadence: "daily" },
    ]);
    expect(await outboxTo(reader.email)).toHaveLength(1);
  });

  it("keeps existing readers daily, and refuses a cadence or day the database does not know", async () => {
    const reader = await givenReader("plain");
    const db = await getDb();
    await db.execute(sql`insert into profiles (user_id) values (${reader.id})`);
    const [row] = rowsOf<{ brief_cadence: string; brief_weekday: number }>(
      await db.execute(sql`select brief_cadence, brief_weekday from profiles
                           where user_id = ${reader.id}`),
    );
    expect(row).toEqual({ brief_cadence: "daily", brief_weekday: 1 });
    await expect(
      db.execute(sql`update profiles set brief_cadence = 'hourly' where user_id = ${reader.id}`),
    ).rejects.toThrow();
    await expect(
      db.execute(sql`update profiles set brief_weekday = 7 where user_id = ${reader.id}`),
    ).rejects.toThrow();
  });
});
