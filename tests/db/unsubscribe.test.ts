import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST as unsubscribe } from "@/app/api/unsubscribe/route";
import { getDb, rowsOf } from "@/db/client";
import { signBriefToken, verifyBriefToken } from "@/lib/brief/tokens";
import { givenReader } from "./factories";

// One-click unsubscribe (RFC 8058): the mail client POSTs "List-Unsubscribe=One-Click" to the
// signed URL from the List-Unsubscribe header. Only a valid, unexpired token of ours unsubscribes.

async function givenSubscriber() {
  const reader = await givenReader("subscriber");
  const db = await getDb();
  await db.execute(sql`insert into profiles (user_id, onboarded_at) values (${reader.id}, now())`);
  return reader;
}

async function unsubscribedAt(userId: string) {
  const db = await getDb();
  const [row] = rowsOf<{ unsubscribed_at: string | null }>(
    await db.execute(sql`select unsubscribed_at from profiles where user_id = ${userId}`),
  );
  return row?.unsubscribed_at ?? null;
}

const inADay = () => new Date(Date.now() + 86_400_000);

function oneClick(token: string) {
  return unsubscribe(
    new Request(`http://localhost:3000/api/unsubscribe?t=${encodeURIComponent(token)}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    }),
  );
}

describe("one-click unsubscribe", () => {
  it("unsubscribes with the signed token and answers 200", async () => {
    const reader = await givenSubscriber();
    const token = signBriefToken({
      userId: reader.id,
      action: "unsubscribe",
      insightId: null,
      expiresAt: inADay(),
    });
    const response = await oneClick(token);
    expect(response.status).toBe(200);
    expect(await unsubscribedAt(reader.id)).not.toBeNull();
  });

  it("changes nothing for a forged, altered, expired or wrong-purpose token", async () => {
    const reader = await givenSubscriber();
    const good = signBriefToken({
      userId: reader.id,
      action: "unsubscribe",
      insightId: null,
      expiresAt: inADay(),
    });
    const [payload, signature] = good.split(".");
    const otherPayload = Buffer.from(
      JSON.stringify([reader.id, "unsubscribe", null, 9e9]),
    ).toString("base64url");
    const expired = signBriefToken({
      userId: reader.id,
      action: "unsubscribe",
      insightId: null,
      expiresAt: new Date(Date.now() - 1000),
    });
    const saveToken = signBriefToken({
      userId: reader.id,
      action: "save",
      insightId: "0b6f3c1e-8d2a-4c7b-9e1f-2a3b4c5d6e7f",
      expiresAt: inADay(),
    });
    for (const token of [
      `${otherPayload}.${signature}`,
      `${payload}.${"A".repeat(signature?.length ?? 43)}`,
      expired,
      saveToken,
      "",
      "not-a-token",
    ]) {
      const response = await oneClick(token);
      expect(response.status, token).toBe(400);
    }
    expect(await unsubscribedAt(reader.id)).toBeNull();
  });

  it("tokens carry who, what and until when, and nothing else verifies", () => {
    const expiresAt = new Date(Math.floor(Date.now() / 1000 + 3600) * 1000);
    const token = signBriefToken({ userId: "u1", action: "more", insightId: "i1", expiresAt });
    expect(verifyBriefToken(token)).toEqual({
      userId: "u1",
      action: "more",
      insightId: "i1",
      expiresAt,
    });
    expect(verifyBriefToken(token, new Date(expiresAt.getTime() + 1))).toBeNull();
    expect(verifyBriefToken(`${token}.extra`)).toBeNull();
  });
});
