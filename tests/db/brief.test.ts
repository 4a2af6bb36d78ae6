import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb, rowsOf } from "@/db/client";
import { topics } from "@/db/schema";
import type { BriefRunOptions } from "@/lib/brief/run";
import { TOPICS } from "@/lib/insights/topics";
import { startFakeResend } from "../support/fake-resend";
import { anInsight, givenEpisode, givenInsights, givenReader } from "./factories";

// The daily brief end to end on a real database: who is due when, what is chosen, and that every
// due reader gets exactly one email through crashes, overlaps, rate limits and quotas.

const NOON = new Date("2026-11-24T12:00:00Z");

async function givenTopics() {
  const db = await getDb();
  await db
    .insert(topics)
    .values([...TOPICS])
    .onConflictDoNothing();
}

/** `count` good insights on as many episodes of `shows` shows, made at `madeAt`. */
async function givenCatalog({
  count,
  shows = count,
  madeAt = NOON,
  score = 0.7,
}: {
  count: number;
  shows?: number;
  madeAt?: Date;
  score?: number;
}): Promise<string[]> {
  await givenTopics();
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const { episodeId } = await givenEpisode({ show: `Show ${i % shows}`, title: `Episode ${i}` });
    ids.push(
      ...(await givenInsights(episodeId, [
        anInsight({
          headline: `Insight number ${i} about leading teams`,
          quote: `Quote ${i}.`,
          score,
        }),
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

async function givenBriefReader({
  name = "reader",
  timeZone = "UTC",
  briefHour = 7,
  unsubscribed = false,
  suppressed = false,
}: {
  name?: string;
  timeZone?: string;
  briefHour?: number;
  unsubscribed?: boolean;
  suppressed?: boolean;
} = {}) {
  const reader = await givenReader(name);
  const db = await getDb();
  await db.execute(sql`
    insert into profiles (user_id, followed_topics, time_zone, brief_hour, onboarded_at,
                          unsubscribed_at, suppressed_at)
    values (${reader.id}, array['leadership'], ${timeZone}, ${briefHour}, now(),
            ${unsubscribed ? sql`now()` : sql`null`}, ${suppressed ? sql`now()` : sql`null`})`);
  return reader as { id: string; email: string };
}

async function outboxTo(email: string) {
  const db = await getDb();
  return rowsOf<{ subject: string; headers: Record<string, string>; text: string; html: string }>(
    await db.execute(sql`select subject, headers, text, html from outbox where "to" = ${email}`),
  );
}

async function briefRows() {
  const db = await getDb();
  return rowsOf<{ user_id: string; local_date: string; status: string; reason: string | null }>(
    await db.execute(sql`select user_id, to_char(local_date, 'YYYY-MM-DD') as local_date, status, reason
                         from briefs order by user_id, local_date`),
  );
}

const fast: BriefRunOptions = { callsPerSecond: 1000, sleep: async () => {} };

async function run(options: BriefRunOptions) {
  const { runBriefs } = await import("@/lib/brief/run");
  // Leases follow the injected moment, as if the wall clock were there too.
  const now = options.now ?? new Date();
  return runBriefs({ ...fast, clock: () => now, ...options });
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("what a brief holds", () => {
  it("sends the reader's top 5, one per episode, with its reasons, headers and a text part", async () => {
    const ids = await givenCatalog({ count: 8, shows: 8 });
    const reader = await givenBriefReader();

    const summary = await run({ now: NOON });

    expect(summary).toMatchObject({ due: 1, composed: 1, sent: 1, skipped: [], failed: [] });
    const [email] = await outboxTo(reader.email);
    expect(email?.subject).toMatch(/^Insight number \d about leading teams \+ 4 more$/);
    expect(email?.headers["List-Unsubscribe"]).toMatch(
      /^<http:\/\/localhost:\d+\/api\/unsubscribe\?t=[\w.-]+>, <mailto:[^>?]+\?subject=unsubscribe%20[\w.-]+>$/,
    );
    // The mailto's subject carries the same signed token as the one-click address.
    const [, https, mailto] =
      /t=([\w.-]+)>.*subject=unsubscribe%20([\w.-]+)>/.exec(
        email?.headers["List-Unsubscribe"] ?? "",
      ) ?? [];
    expect(mailto).toBe(https);
    expect(email?.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(email?.text).toContain("Because you follow Leadership");
    const db = await getDb();
    const items = rowsOf<{ insight_id: string; kind: string }>(
      await db.execute(sql`select insight_id, kind from brief_items order by position`),
    );
    expect(items).toHaveLength(5);
    expect(items.every((i) => ids.includes(i.insight_id) && i.kind === "top")).toBe(true);
  });

  it("keeps to two insights per show and never repeats what was sent before", async () => {
    await givenCatalog({ count: 9, shows: 2 });
    const reader = await givenBriefReader();
    await run({ now: NOON });
    const db = await getDb();
    const first = rowsOf<{ podcast_id: string; insight_id: string }>(
      await db.execute(sql`select e.podcast_id, bi.insight_id from brief_items bi
                           join insights i on i.id = bi.insight_id join episodes e on e.id = i.episode_id`),
    );
    expect(first).toHaveLength(4); // two shows, two each
    // The next day brings other insights of the same 48 hours, never the same ones.
    await run({ now: new Date(NOON.getTime() + 86_400_000) });
    const all = rowsOf<{ insight_id: string }>(
      await db.execute(sql`select insight_id from brief_items`),
    );
    expect(new Set(all.map((r) => r.insight_id)).size).toBe(all.length);
    expect((await outboxTo(reader.email)).length).toBe(2);
  });

  it("skips a quiet day with the reason, and sends nothing", async () => {
    await givenCatalog({ count: 2 });
    await givenCatalog({ count: 4, score: 0.2 }); // below the quality bar
    const reader = await givenBriefReader();
    const summary = await run({ now: NOON });
    expect(summary.sent).toBe(0);
    expect(summary.skipped).toEqual([
      {
        email: reader.email,
        reason: expect.stringMatching(/^quiet day: 2 new insights from different episodes cleared/),
      },
    ]);
    expect(await outboxTo(reader.email)).toEqual([]);
    expect((await briefRows())[0]).toMatchObject({ status: "skipped" });
  });

  it("counts a quiet day after the one-per-episode rule: one busy episode is not a brief", async () => {
    await givenTopics();
    const { episodeId } = await givenEpisode({ show: "One show" });
    await givenInsights(
      episodeId,
      [1, 2, 3, 4, 5].map((n) =>
        anInsight({ headline: `Point ${n}`, quote: `Q${n}.`, score: 0.8 }),
      ),
    );
    const db = await getDb();
    await db.execute(sql`update insights set created_at = ${NOON.toISOString()}::timestamptz`);
    const reader = await givenBriefReader();
    const summary = await run({ now: NOON });
    expect(summary.skipped).toHaveLength(1);
    expect(await outboxTo(reader.email)).toEqual([]);
  });

  it("never sends yesterday's unsent brief today: it is closed with the reason", async () => {
    await givenCatalog({ count: 6 });
    const reader = await givenBriefReader();
    const db = await getDb();
    await db.execute(sql`insert into briefs (user_id, local_date, status)
                         values (${reader.id}, '2026-11-23', 'pending')`);
    await run({ now: NOON });
    const rows = await briefRows();
    expect(rows).toEqual([
      expect.objectContaining({
        local_date: "2026-11-23",
        status: "skipped",
        reason: "its local day passed before it could be sent",
      }),
      expect.objectContaining({ local_date: "2026-11-24", status: "sent" }),
    ]);
    expect((await outboxTo(reader.email)).length).toBe(1);
  });

  it("brings back one saved insight from a week ago, then not again until the 30th day", async () => {
    const [old] = await givenCatalog({ count: 1, madeAt: new Date("2026-11-10T12:00:00Z") });
    await givenCatalog({ count: 5 });
    const reader = await givenBriefReader();
    const db = await getDb();
    await db.execute(sql`insert into saves (user_id, insight_id, created_at)
                         values (${reader.id}, ${old as string}, '2026-11-16T12:00:00Z')`);
    await run({ now: NOON });
    const items = rowsOf<{ insight_id: string; kind: string; reason: string }>(
      await db.execute(sql`select insight_id, kind, reason from brief_items order by position`),
    );
    expect(items.at(-1)).toEqual({
      insight_id: old,
      kind: "resurfaced",
      reason: "From your library: you saved this 8 days ago",
    });
    await run({ now: new Date(NOON.getTime() + 86_400_000) });
    const resurfaced = rowsOf<{ n: number }>(
      await db.execute(sql`select count(*)::int as n from brief_items where kind = 'resurfaced'`),
    );
    expect(resurfaced[0]?.n).toBe(1);
  });

  it("chooses for a group of readers exactly what it chooses for each of them alone", async () => {
    const ids = await givenCatalog({ count: 8, shows: 4 });
    const [old] = await givenCatalog({ count: 1, madeAt: new Date("2026-11-10T12:00:00Z") });
    const plain = await givenBriefReader({ name: "plain" });
    const picky = await givenBriefReader({ name: "picky" });
    const saver = await givenBriefReader({ name: "saver" });
    const db = await getDb();
    await db.execute(sql`
      insert into follows (user_id, podcast_id)
      select ${picky.id}, e.podcast_id from insights i join episodes e on e.id = i.episode_id
      where i.id = ${ids[2] as string}`);
    await db.execute(sql`insert into events (user_id, insight_id, kind) values
      (${picky.id}, ${ids[0] as string}, 'less'), (${picky.id}, ${ids[1] as string}, 'open'),
      (${saver.id}, ${ids[4] as string}, 'dismiss')`);
    await db.execute(sql`insert into saves (user_id, insight_id, created_at) values
      (${saver.id}, ${old as string}, '2026-11-16T12:00:00Z')`);
    const { chooseBriefs } = await import("@/lib/brief/compose");
    const readers = [plain, picky, saver].map((r) => ({
      userId: r.id,
      followedTopics: ["leadership"],
    }));

    const together = await chooseBriefs({ readers, now: NOON });
    for (const reader of readers) {
      const alone = await chooseBriefs({ readers: [reader], now: NOON });
      expect(together.get(reader.userId)).toEqual(alone.get(reader.userId));
    }
    const picks = (reader: { id: string }) => {
      const choice = together.get(reader.id);
      return choice?.kind === "brief" ? choice.picks : [];
    };
    // What each reader has had or turned down stays out of their brief, and only theirs.
    expect(picks(picky).map((p) => p.insightId)).not.toContain(ids[1]);
    expect([ids[2], ids[6]]).toContain(picks(picky)[0]?.insightId); // the show they follow
    expect(picks(saver).map((p) => p.insightId)).not.toContain(ids[4]);
    expect(picks(saver).at(-1)).toMatchObject({ insightId: old, kind: "resurfaced" });
    expect(picks(plain).every((p) => p.kind === "top")).toBe(true);
  });

  it("offers no Save for an insight the reader has saved already", async () => {
    const ids = await givenCatalog({ count: 3, score: 0.9 });
    const reader = await givenBriefReader();
    const db = await getDb();
    await db.execute(
      sql`insert into saves (user_id, insight_id) values (${reader.id}, ${ids[0] as string})`,
    );
    const { renderBriefEmail } = await import("@/lib/brief/compose");
    const email = await renderBriefEmail({
      userId: reader.id,
      localDate: "2026-11-24",
      picks: ids.map((insightId) => ({ insightId, kind: "top" as const, reason: "For you" })),
      now: NOON,
    });
    expect(email.text.match(/^Save: /gm)).toHaveLength(2);
    expect(email.text.match(/^In your library$/gm)).toHaveLength(1);
    expect(email.html).toContain("★ In your library");
    // Its web view opens without a sign-in: a token for this reader's brief of that day only.
    const { isBriefChoice, verifyBriefToken } = await import("@/lib/brief/tokens");
    const web = new URL(email.text.match(/View this brief on the web: (\S+)/)?.[1] ?? "");
    expect(web.pathname).toBe("/brief/2026-11-24");
    const token = verifyBriefToken(web.searchParams.get("t"), NOON);
    expect(token).toMatchObject({ userId: reader.id, action: "view", insightId: "2026-11-24" });
    expect(isBriefChoice(token)).toBe(false);
  });

  it("never lets a near-duplicate below the quality bar hide its good twin", async () => {
    const good = await givenCatalog({ count: 5, score: 0.9 });
    const twin = good[0] as string;
    const { episodeId } = await givenEpisode({ show: "Weak Show", title: "Weak episode" });
    const [weak] = await givenInsights(episodeId, [
      anInsight({ headline: "The same point, said less well", score: 0.3 }),
    ]);
    const reader = await givenBriefReader();
    const db = await getDb();
    await db.execute(sql`update insights set created_at = ${NOON.toISOString()}::timestamptz
                         where id = ${weak as string}`);
    // The weak one ranks first (a show the reader follows) and says what the twin says.
    await db.execute(sql`
      insert into follows (user_id, podcast_id)
      select ${reader.id}, e.podcast_id from insights i join episodes e on e.id = i.episode_id
      where i.id = ${weak as string}`);
    await db.execute(sql`insert into insight_links (insight_id, other_id, similarity) values
      (${weak as string}, ${twin}, 0.95), (${twin}, ${weak as string}, 0.95)`);
    const { chooseBriefItems } = await import("@/lib/brief/compose");
    const choice = await chooseBriefItems({
      userId: reader.id,
      followedTopics: ["leadership"],
      now: NOON,
    });
    const ids = choice.kind === "brief" ? choice.picks.map((p) => p.insightId) : [];
    expect(ids).toContain(twin);
    expect(ids).not.toContain(weak);
  });

  it("sends nothing to unsubscribed or suppressed readers", async () => {
    await givenCatalog({ count: 6 });
    const gone = await givenBriefReader({ name: "gone", unsubscribed: true });
    const bounced = await givenBriefReader({ name: "bounced", suppressed: true });
    const summary = await run({ now: NOON });
    expect(summary.due).toBe(0);
    expect(await outboxTo(gone.email)).toEqual([]);
    expect(await outboxTo(bounced.email)).toEqual([]);
    expect(await briefRows()).toEqual([]);
  });
});

describe("when a brief is sent", () => {
  /** Runs every 15 minutes from `from` for `hours`; returns when each reader got a brief. */
  async function everyQuarterHour(from: Date, hours: number) {
    const sentAt = new Map<string, Date[]>();
    const db = await getDb();
    for (let t = from.getTime(); t < from.getTime() + hours * 3_600_000; t += 15 * 60_000) {
      await run({ now: new Date(t) });
      const sent = rowsOf<{ user_id: string; sent_at: string | Date }>(
        await db.execute(sql`select user_id, sent_at from briefs where status = 'sent'`),
      );
      for (const row of sent) {
        const at = new Date(row.sent_at);
        const list = sentAt.get(row.user_id) ?? [];
        if (!list.some((d) => d.getTime() === at.getTime())) list.push(at);
        sentAt.set(row.user_id, list);
      }
    }
    return sentAt;
  }

  it("reaches Tokyo and Los Angeles each at their own 07:00", async () => {
    await givenCatalog({ count: 6, madeAt: new Date("2026-11-24T12:00:00Z") });
    const tokyo = await givenBriefReader({ name: "tokyo", timeZone: "Asia/Tokyo" });
    const la = await givenBriefReader({ name: "la", timeZone: "America/Los_Angeles" });
    // Tokyo's brief of the 24th went out at its 07:00 that day, before this window opens.
    const db = await getDb();
    await db.execute(sql`insert into briefs (user_id, local_date, status, sent_at)
                         values (${tokyo.id}, '2026-11-24', 'sent', '2026-11-23T22:00:00Z')`);
    const sent = await everyQuarterHour(new Date("2026-11-24T13:00:00Z"), 24);
    // 07:00 in Los Angeles (UTC-8) is 15:00 UTC; 07:00 in Tokyo (UTC+9) is 22:00 UTC.
    expect(sent.get(la.id)?.map((d) => d.toISOString())).toEqual(["2026-11-24T15:00:00.000Z"]);
    expect(sent.get(tokyo.id)?.map((d) => d.toISOString())).toEqual([
      "2026-11-23T22:00:00.000Z",
      "2026-11-24T22:00:00.000Z",
    ]);
  });

  it("sends once on the day clocks go back, and once on the day they go forward", async () => {
    await givenCatalog({ count: 6, madeAt: new Date("2026-10-31T12:00:00Z") });
    await givenCatalog({ count: 6, madeAt: new Date("2026-03-07T12:00:00Z") });
    // 01:00 happens twice in New York on 1 November 2026 (05:00 and 06:00 UTC).
    const autumn = await givenBriefReader({
      name: "autumn",
      timeZone: "America/New_York",
      briefHour: 1,
    });
    const autumnSent = await everyQuarterHour(new Date("2026-11-01T04:00:00Z"), 6);
    expect(autumnSent.get(autumn.id)?.map((d) => d.toISOString())).toEqual([
      "2026-11-01T05:00:00.000Z",
    ]);
    // 02:00 never happens in New York on 8 March 2026: the brief goes at 03:00 (07:00 UTC).
    const spring = await givenBriefReader({
      name: "spring",
      timeZone: "America/New_York",
      briefHour: 2,
    });
    const springSent = await everyQuarterHour(new Date("2026-03-08T05:00:00Z"), 5);
    expect(springSent.get(spring.id)?.map((d) => d.toISOString())).toEqual([
      "2026-03-08T07:00:00.000Z",
    ]);
    const rows = await briefRows();
    expect(
      rows.filter((r) => r.user_id === autumn.id && r.local_date === "2026-11-01"),
    ).toHaveLength(1);
    expect(rows.filter((r) => r.user_id === spring.id).map((r) => r.local_date)).toEqual([
      "2026-03-08",
    ]);
  });

  it("catches up later the same local day after missed runs, never the next day", async () => {
    await givenCatalog({ count: 6, madeAt: new Date("2026-11-23T12:00:00Z") });
    const reader = await givenBriefReader({ briefHour: 7 });
    // No run all of 24 November until 23:45: the brief still goes that day.
    await run({ now: new Date("2026-11-24T23:45:00Z") });
    // Nothing ran on the 25th before 07:00: no brief is sent for the 24th late.
    await run({ now: new Date("2026-11-26T06:00:00Z") });
    const rows = await briefRows();
    expect(rows.map((r) => r.local_date)).toEqual(["2026-11-24"]);
    expect((await outboxTo(reader.email)).length).toBe(1);
  });
});

describe("exactly once, through Resend", () => {
  async function withFakeResend(options: { callsPerSecond?: number } = {}) {
    const fake = await startFakeResend(options);
    vi.stubEnv("RESEND_API_KEY", "re_test_key");
    vi.stubEnv("RESEND_BASE_URL", fake.url);
    vi.resetModules();
    return fake;
  }

  it("sends 150 due readers in two batched calls, then nothing more", async () => {
    await givenCatalog({ count: 6 });
    for (let i = 0; i < 150; i++) await givenBriefReader({ name: `r${i}` });
    const fake = await withFakeResend();
    try {
      const summary = await run({ now: NOON });
      expect(summary).toMatchObject({ due: 150, sent: 150, batches: 2, providerCalls: 2 });
      expect(fake.calls.map((c) => c.path)).toEqual(["/emails/batch", "/emails/batch"]);
      expect(new Set(fake.emails.map((e) => e.to)).size).toBe(150);
      expect(fake.emails[0]?.headers?.["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
      expect((await run({ now: new Date(NOON.getTime() + 900_000) })).providerCalls).toBe(0);
      expect(fake.emails).toHaveLength(150);
    } finally {
      await fake.close();
    }
  });

  it("two runs started together send every due reader exactly one email", async () => {
    await givenCatalog({ count: 6 });
    for (let i = 0; i < 30; i++) await givenBriefReader({ name: `r${i}` });
    const fake = await withFakeResend();
    try {
      const [a, b] = await Promise.all([run({ now: NOON }), run({ now: NOON })]);
      expect(a.sent + b.sent).toBe(30);
      expect(fake.emails).toHaveLength(30);
      expect(new Set(fake.emails.map((e) => e.to)).size).toBe(30);
    } finally {
      await fake.close();
    }
  });

  it("after a crash between the provider's acceptance and the mark, replays the batch and sends nothing new", async () => {
    await givenCatalog({ count: 6 });
    for (let i = 0; i < 3; i++) await givenBriefReader({ name: `r${i}` });
    const fake = await withFakeResend();
    try {
      await expect(
        run({
          now: NOON,
          afterAccepted: () => {
            throw new Error("the process died here");
          },
        }),
      ).rejects.toThrow("the process died here");
      expect(fake.emails).toHaveLength(3);
      expect((await briefRows()).map((r) => r.status)).toEqual(["sending", "sending", "sending"]);

      // Before the lease runs out, another run leaves the batch alone.
      expect((await run({ now: new Date(NOON.getTime() + 60_000) })).providerCalls).toBe(0);
      const later = await run({ now: new Date(NOON.getTime() + 10 * 60_000) });
      expect(later).toMatchObject({ sent: 3, providerCalls: 1 });
      const [first, replay] = fake.calls;
      expect(replay?.key).toBe(first?.key);
      expect(replay?.status).toBe(200);
      expect(fake.emails).toHaveLength(3);
      expect((await briefRows()).map((r) => r.status)).toEqual(["sent", "sent", "sent"]);
    } finally {
      await fake.close();
    }
  });

  it("gives back the group it claimed ahead when a quota stops the run, so the next run takes it at once", async () => {
    await givenCatalog({ count: 6 });
    for (let i = 0; i < 150; i++) await givenBriefReader({ name: `r${i}` });
    const fake = await withFakeResend();
    try {
      fake.failNext({
        status: 429,
        name: "daily_quota_exceeded",
        message: "You have reached your daily quota",
      });
      const stopped = await run({ now: NOON });
      expect(stopped).toMatchObject({ sent: 0, providerCalls: 1 });
      const db = await getDb();
      const held = rowsOf<{ n: number }>(
        await db.execute(sql`select count(*)::int as n from briefs
                             where lease_until > ${NOON.toISOString()}::timestamptz`),
      );
      expect(held[0]?.n).toBe(0);
      // Within the lease a claim would have held: everyone is sent, none twice.
      const next = await run({ now: new Date(NOON.getTime() + 60_000) });
      expect(next).toMatchObject({ sent: 150, providerCalls: 2 });
      expect(new Set(fake.emails.map((e) => e.to)).size).toBe(150);
      expect(fake.emails).toHaveLength(150);
    } finally {
      await fake.close();
    }
  });

  it("gives back only claims it still holds: a brief claimed again by another run stays theirs", async () => {
    await givenCatalog({ count: 6 });
    await givenBriefReader({ name: "a" });
    const { claimPendingBriefs, createDueBriefs, releaseClaims } = await import(
      "@/db/queries/briefs"
    );
    await createDueBriefs({ now: NOON });
    const [mine] = await claimPendingBriefs({
      now: NOON,
      leaseAt: NOON,
      leaseSeconds: 300,
      limit: 10,
      maxClaims: 6,
    });
    if (!mine) throw new Error("nothing claimed");
    // Our lease ran out and another run claimed the brief.
    const later = new Date(NOON.getTime() + 400_000);
    const [theirs] = await claimPendingBriefs({
      now: NOON,
      leaseAt: later,
      leaseSeconds: 300,
      limit: 10,
      maxClaims: 6,
    });
    expect(theirs?.id).toBe(mine.id);
    await releaseClaims([mine]);
    const db = await getDb();
    const [row] = rowsOf<{ lease_until: string | Date; attempts: number }>(
      await db.execute(sql`select lease_until, attempts from briefs where id = ${mine.id}`),
    );
    expect(new Date(row?.lease_until ?? 0).getTime()).toBe(theirs?.leaseUntil.getTime());
    expect(row?.attempts).toBe(2);
    // Released by the run that holds it, it is free again and the claim not counted.
    await releaseClaims([theirs as NonNullable<typeof theirs>]);
    const [freed] = rowsOf<{ lease_until: string | null; attempts: number }>(
      await db.execute(sql`select lease_until, attempts from briefs where id = ${mine.id}`),
    );
    expect(freed).toEqual({ lease_until: null, attempts: 1 });
  });

  it("waits for Retry-After on a 429, and stops the run on a quota error, saying so", async () => {
    await givenCatalog({ count: 6 });
    await givenBriefReader({ name: "a" });
    const fake = await withFakeResend();
    try {
      fake.failNext({
        status: 429,
        name: "rate_limit_exceeded",
        message: "Too many requests",
        retryAfter: 3,
      });
      const waits: number[] = [];
      const summary = await run({ now: NOON, sleep: async (ms) => void waits.push(ms) });
      expect(waits).toContain(3000);
      expect(summary.sent).toBe(1);

      await givenBriefReader({ name: "b" });
      fake.failNext({
        status: 429,
        name: "daily_quota_exceeded",
        message: "You have reached your daily quota",
      });
      const stopped = await run({ now: new Date(NOON.getTime() + 900_000) });
      expect(stopped.stopped).toMatch(/quota/);
      expect(stopped.sent).toBe(0);
      const next = await run({ now: new Date(NOON.getTime() + 1_800_000) });
      expect(next.sent).toBe(1);
      expect(fake.emails).toHaveLength(2);
    } finally {
      await fake.close();
    }
  });
});
