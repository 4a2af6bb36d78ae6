import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, rowsOf } from "@/db/client";
import {
  claimUnits,
  EPISODE_UNITS,
  leaseEnd,
  releaseUnits,
  setLeases,
} from "@/db/queries/work-units";
import { givenEpisode } from "./factories";

// The one claim/lease/release every queue uses, on episodes (a table that counts attempts).

const T0 = new Date("2026-11-24T08:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

async function claim(now: Date, limit = 10, maxClaims?: number) {
  const db = await getDb();
  const rows = await claimUnits(db, EPISODE_UNITS, {
    at: now,
    until: leaseEnd(now, 60),
    limit,
    where: sql`e.status = 'new'`,
    order: sql`e.published_at desc`,
    maxClaims,
  });
  return rows.map((r) => r.key).sort();
}

async function attemptsOf(id: string): Promise<number | undefined> {
  const db = await getDb();
  const [row] = rowsOf<{ attempts: number }>(
    await db.execute(sql`select attempts from episodes where id = ${id}::uuid`),
  );
  return row?.attempts;
}

describe("work units", () => {
  it("gives each unit to one claim at a time, and back to any claim when its lease ends", async () => {
    const ids: string[] = [];
    for (const show of ["a", "b", "c"]) ids.push((await givenEpisode({ show })).episodeId);
    const [first, second] = await Promise.all([claim(T0, 2), claim(T0, 2)]);
    expect([...(first ?? []), ...(second ?? [])].sort()).toEqual([...ids].sort());
    expect(await claim(at(30))).toEqual([]); // all held until T0 + 60 s
    expect(await claim(at(61))).toEqual([...ids].sort());
    expect(await attemptsOf(ids[0] ?? "")).toBe(2); // each claim counted
  });

  it("leaves a unit claimed too often alone, and a refunded claim does not count", async () => {
    const { episodeId } = await givenEpisode();
    expect(await claim(at(0), 10, 2)).toEqual([episodeId]);
    const db = await getDb();
    await releaseUnits(db, EPISODE_UNITS, {
      where: sql`e.id = ${episodeId}::uuid`,
      refundAttempt: true,
    });
    expect(await attemptsOf(episodeId)).toBe(0);
    expect(await claim(at(1), 10, 2)).toEqual([episodeId]); // released: free at once
    expect(await claim(at(100), 10, 2)).toEqual([episodeId]);
    expect(await claim(at(200), 10, 2)).toEqual([]); // two claims, never finished
  });

  it("renews a lease only for the claim that holds it", async () => {
    const { episodeId } = await givenEpisode();
    await claim(T0);
    const db = await getDb();
    const renew = (held: Date) =>
      setLeases(db, EPISODE_UNITS, {
        where: sql`e.id = ${episodeId}::uuid and e.lease_until = ${held.toISOString()}::timestamptz`,
        until: at(300),
      });
    expect(await renew(at(60))).toEqual([episodeId]);
    expect(await renew(at(60))).toEqual([]); // that lease is no longer the unit's
    expect(await claim(at(120))).toEqual([]); // held until T0 + 300 s
    expect(await attemptsOf(episodeId)).toBe(1); // a renewal is not a claim
  });
});
