import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, rowsOf } from "@/db/client";
import { AppError } from "@/lib/errors";
import {
  checkSignInLimits,
  clientAddress,
  SIGN_IN_LIMITS,
  signInLimitMessage,
} from "@/lib/sign-in-limits";

const now = new Date("2026-11-24T09:10:00Z");

async function refused(attempt: Promise<void>): Promise<AppError | null> {
  try {
    await attempt;
    return null;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

describe("sign-in email limits", () => {
  it("allows a few links per address per hour, then refuses with a time to wait", async () => {
    const { limit } = SIGN_IN_LIMITS.perAddress;
    for (let i = 0; i < limit; i++) {
      expect(
        await refused(checkSignInLimits({ email: "a@example.com", client: `c${i}`, now })),
      ).toBeNull();
    }
    // The same mailbox, spelled otherwise, is the same address.
    const error = await refused(
      checkSignInLimits({ email: "A+again@Example.com", client: "elsewhere", now }),
    );
    expect(error?.code).toBe("rate_limited");
    expect(error?.message).toMatch(/Try again in 50 minutes\./);
    // Another address is not held up by this one.
    expect(
      await refused(checkSignInLimits({ email: "b@example.com", client: "c9", now })),
    ).toBeNull();
    // The next window starts fresh.
    const later = new Date(now.getTime() + 3600_000);
    expect(
      await refused(checkSignInLimits({ email: "a@example.com", client: "c1", now: later })),
    ).toBeNull();
  });

  it("says, without counting another try, when the limits are what stopped a link", async () => {
    const ask = { email: "peek@example.com", client: "peeker", now };
    expect(await signInLimitMessage(ask)).toBeNull();
    for (let i = 0; i <= SIGN_IN_LIMITS.perAddress.limit; i++)
      await refused(checkSignInLimits(ask));
    const message = await signInLimitMessage(ask);
    expect(message).toMatch(
      /^Too many sign-in emails requested, so none was sent\. Try again in 50 minutes\.$/,
    );
    // Asking what happened is not another request: the count stays where it was.
    await signInLimitMessage(ask);
    const db = await getDb();
    const [row] = rowsOf<{ count: number }>(
      await db.execute(
        sql`select count from rate_limits where key = 'sign-in:email:peek@example.com'`,
      ),
    );
    expect(Number(row?.count)).toBe(SIGN_IN_LIMITS.perAddress.limit + 1);
  });

  it("limits one client asking for links to many addresses", async () => {
    const { limit } = SIGN_IN_LIMITS.perClient;
    for (let i = 0; i < limit; i++) {
      await checkSignInLimits({ email: `r${i}@example.com`, client: "203.0.113.7", now });
    }
    const error = await refused(
      checkSignInLimits({ email: "new@example.com", client: "203.0.113.7", now }),
    );
    expect(error?.code).toBe("rate_limited");
  });

  it("keeps its counts in the database, where every app instance sees them", async () => {
    await checkSignInLimits({ email: "a@example.com", client: "198.51.100.1", now });
    await checkSignInLimits({ email: "a@example.com", client: "198.51.100.2", now });
    const db = await getDb();
    const rows = rowsOf<{ key: string; count: number }>(
      await db.execute(sql`select key, count from rate_limits order by key`),
    );
    expect(rows.map((r) => [r.key, Number(r.count)])).toEqual([
      ["sign-in:client:198.51.100.1", 1],
      ["sign-in:client:198.51.100.2", 1],
      ["sign-in:email:a@example.com", 2],
    ]);
  });

  it("reads the client address from the hop our proxy appended, not the client's own", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "1.2.3.4, 203.0.113.9" }))).toBe(
      "203.0.113.9",
    );
    expect(clientAddress(new Headers({ "x-real-ip": "198.51.100.4" }))).toBe("198.51.100.4");
    expect(clientAddress(new Headers())).toBe("unknown");
  });
});
