import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "../client";
import { apiTokens, users } from "../schema";
import { isUuid } from "./input";

// A reader's API tokens: stored by the hash of their secret, listed, revoked, and looked up on
// every API or MCP request (which also stamps when the token was last used).

export type ApiTokenSummary = {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

const summary = {
  id: apiTokens.id,
  name: apiTokens.name,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
};

export async function insertApiToken({
  userId,
  name,
  tokenHash,
}: {
  userId: string;
  name: string;
  tokenHash: string;
}): Promise<ApiTokenSummary> {
  const db = await getDb();
  const [row] = await db.insert(apiTokens).values({ userId, name, tokenHash }).returning(summary);
  if (!row) throw new Error("insertApiToken returned no row");
  return row;
}

/** The reader's tokens, newest first, revoked ones included (they say when). */
export async function listApiTokens({ userId }: { userId: string }): Promise<ApiTokenSummary[]> {
  const db = await getDb();
  return db
    .select(summary)
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}

/** Revokes one of the reader's own tokens; false when the reader has no such live token. */
export async function revokeApiToken({
  userId,
  id,
  now = new Date(),
}: {
  userId: string;
  id: string;
  now?: Date;
}): Promise<boolean> {
  if (!isUuid(id)) return false;
  const db = await getDb();
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}

/**
 * The reader a live token belongs to, or null; stamps its last use (at most once a minute, so a
 * busy client does not write on every request).
 */
export async function readerOfToken({
  tokenHash,
  now = new Date(),
}: {
  tokenHash: string;
  now?: Date;
}): Promise<{ tokenId: string; userId: string; email: string | null } | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      tokenId: apiTokens.id,
      userId: apiTokens.userId,
      lastUsedAt: apiTokens.lastUsedAt,
      email: users.email,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)));
  if (!row) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await db
      .update(apiTokens)
      .set({ lastUsedAt: sql`${now.toISOString()}::timestamptz` })
      .where(eq(apiTokens.id, row.tokenId));
  }
  return { tokenId: row.tokenId, userId: row.userId, email: row.email };
}

/** The id of the reader with that email (any case), or null. */
export async function userIdByEmail({ email }: { email: string }): Promise<string | null> {
  const db = await getDb();
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`);
  return row?.id ?? null;
}

/** Whose live token this is (without counting it as used); null for none or a revoked one. */
export async function liveTokenOwner({ tokenHash }: { tokenHash: string }): Promise<string | null> {
  const db = await getDb();
  const [row] = await db
    .select({ userId: apiTokens.userId })
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)));
  return row?.userId ?? null;
}
