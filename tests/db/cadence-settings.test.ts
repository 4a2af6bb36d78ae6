import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb, rowsOf } from "@/db/client";
import { getProfile } from "@/db/queries/profiles";
import { changeCadenceFromEmail } from "@/lib/actions/email-links";
import { saveSettingsAction } from "@/lib/actions/profile";
import { signBriefToken, verifyBriefToken } from "@/lib/brief/tokens";
import { readCadenceLink } from "@/lib/views/brief";
import { anInsight, givenEpisode, givenInsights, givenReader } from "./factories";

// Choosing the brief's cadence: in /settings (a reader action), and from the email's signed
// "Change how often" link, which needs no sign-in and changes nothing until its form is posted.

const valid = { topics: [], timeZone: "UTC", briefHour: "7", briefEnabled: "on" };
const inADay = () => new Date(Date.now() + 86_400_000);

async function givenProfiled(name = "reader") {
  const reader = await givenReader(name);
  const db = await getDb();
  await db.execute(sql`insert into profiles (user_id, onboarded_at) values (${reader.id}, now())`);
  return reader;
}

function cadenceToken(userId: string, expiresAt = inADay()) {
  return signBriefToken({ userId, action: "cadence", insightId: null, expiresAt });
}

afterEach(() => {
  vi.resetModules();
});

describe("the settings action", () => {
  it("stores weekly on Friday, and keeps the cadence when a form does not say it", async () => {
    const reader = await givenProfiled();
    const saved = await saveSettingsAction(reader, {
      ...valid,
      briefCadence: "weekly",
      briefWeekday: "5",
    });
    expect(saved).toEqual({ ok: true, data: { saved: true } });
    expect(await getProfile({ userId: reader.id })).toMatchObject({
      briefCadence: "weekly",
      briefWeekday: 5,
    });
    // A form without the choice (an older page) changes the hour and keeps the cadence.
    expect(await saveSettingsAction(reader, { ...valid, briefHour: "9" })).toMatchObject({
      ok: true,
    });
    expect(await getProfile({ userId: reader.id })).toMatchObject({
      briefHour: 9,
      briefCadence: "weekly",
      briefWeekday: 5,
    });
  });

  it("refuses a cadence or a weekday it does not know, in words, and stores nothing", async () => {
    const reader = await givenProfiled();
    expect(await saveSettingsAction(reader, { ...valid, briefCadence: "hourly" })).toEqual({
      ok: false,
      error: {
        code: "bad_request",
        message: "briefCadence: choose daily, weekdays or weekly for your brief",
      },
    });
    for (const briefWeekday of ["7", "-1", "Friday", "2.5"]) {
      expect(
        await saveSettingsAction(reader, { ...valid, briefCadence: "weekly", briefWeekday }),
      ).toEqual({
        ok: false,
        error: {
          code: "bad_request",
          message: "briefWeekday: choose the day of the week your weekly brief arrives",
        },
      });
    }
    expect(await getProfile({ userId: reader.id })).toMatchObject({
      briefCadence: "daily",
      briefWeekday: 1,
    });
  });
});

describe("the email's Change how often link", () => {
  it("is in every brief email, signed for its reader", async () => {
    const { episodeId } = await givenEpisode();
    const [insightId = ""] = await givenInsights(episodeId, [anInsight()]);
    const reader = await givenProfiled();
    const { renderBriefEmail } = await import("@/lib/brief/compose");
    const email = await renderBriefEmail({
      userId: reader.id,
      localDate: "2026-11-27",
      cadence: "weekly",
      picks: [{ insightId, kind: "top", reason: "Because you follow Leadership" }],
      now: new Date(),
    });
    const url = /Change how often: (\S+)/.exec(email.text)?.[1] ?? "";
    expect(url).toMatch(/\/brief\/cadence\?t=/);
    expect(email.html).toContain("Change how often");
    expect(verifyBriefToken(new URL(url).searchParams.get("t"))).toMatchObject({
      userId: reader.id,
      action: "cadence",
    });
  });

  it("shows the reader's cadence for a good token, changes it only when posted", async () => {
    const reader = await givenProfiled();
    const t = cadenceToken(reader.id);
    expect(await readCadenceLink(t)).toEqual({
      cadence: "daily",
      weekday: 1,
      now: "every day at 07:00",
    });
    // Reading the link changed nothing.
    expect(await getProfile({ userId: reader.id })).toMatchObject({ briefCadence: "daily" });

    const changed = await changeCadenceFromEmail({
      t,
      fields: { briefCadence: "weekly", briefWeekday: "3" },
    });
    expect(changed).toEqual({ ok: true, cadence: "weekly" });
    expect(await readCadenceLink(t)).toMatchObject({ now: "every Wednesday at 07:00" });

    expect(await changeCadenceFromEmail({ t, fields: { briefCadence: "weekdays" } })).toEqual({
      ok: true,
      cadence: "weekdays",
    });
    // The weekly day is kept for when the reader goes back to weekly.
    expect(await getProfile({ userId: reader.id })).toMatchObject({
      briefCadence: "weekdays",
      briefWeekday: 3,
    });
  });

  it("refuses a tampered, expired or other kind of token, and a bad choice, in words", async () => {
    const reader = await givenProfiled();
    const other = await givenProfiled("other");
    const good = cadenceToken(reader.id);
    const [payload = "", signature = ""] = good.split(".");
    const forged = `${Buffer.from(JSON.stringify([other.id, "cadence", null, 9_999_999_999])).toString("base64url")}.${signature}`;
    const bad = [
      `${payload}.${signature.slice(0, -2)}xx`,
      forged,
      cadenceToken(reader.id, new Date(Date.now() - 1000)),
      signBriefToken({
        userId: reader.id,
        action: "unsubscribe",
        insightId: null,
        expiresAt: inADay(),
      }),
      "",
    ];
    for (const t of bad) {
      expect(await readCadenceLink(t)).toBeNull();
      expect(
        await changeCadenceFromEmail({ t, fields: { briefCadence: "weekly", briefWeekday: "5" } }),
      ).toEqual({ ok: false, reason: "link", message: "This link is not valid or has expired." });
    }
    expect(await changeCadenceFromEmail({ t: good, fields: { briefCadence: "monthly" } })).toEqual({
      ok: false,
      reason: "input",
      message: "Choose daily, weekdays or weekly for your brief.",
    });
    expect(
      await changeCadenceFromEmail({ t: good, fields: { briefCadence: "weekly" } }),
    ).toMatchObject({
      ok: false,
      message: "Choose the day of the week your weekly brief arrives.",
    });
    const db = await getDb();
    const rows = rowsOf<{ brief_cadence: string }>(
      await db.execute(sql`select brief_cadence from profiles order by user_id`),
    );
    expect(rows.map((r) => r.brief_cadence)).toEqual(["daily", "daily"]);
  });
});
