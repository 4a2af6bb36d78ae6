import { createHash, randomBytes } from "node:crypto";
import {
  type ApiTokenSummary,
  insertApiToken,
  listApiTokens,
  liveTokenOwner,
  readerOfToken,
  revokeApiToken,
  userIdByEmail,
} from "@/db/queries/api-tokens";
import { AppError } from "@/lib/errors";
import type { Reader } from "@/lib/session";

// Reader API tokens: "pb_" and 32 random bytes, shown to the reader once; only their SHA-256 is
// stored, so a copy of the database lets no one in. A token sees exactly what its reader sees.

const PREFIX = "pb_";

export type { ApiTokenSummary };

export function hashToken(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** Makes a token named `name` for the reader; the secret is in the answer and nowhere else. */
export async function createApiToken({
  userId,
  name,
}: {
  userId: string;
  name: string;
}): Promise<{ secret: string; token: ApiTokenSummary }> {
  const secret = `${PREFIX}${randomBytes(32).toString("base64url")}`;
  const token = await insertApiToken({ userId, name, tokenHash: hashToken(secret) });
  return { secret, token };
}

export { listApiTokens };

export async function revokeToken({ userId, id }: { userId: string; id: string }): Promise<void> {
  if (!(await revokeApiToken({ userId, id }))) throw new AppError("not_found:token");
}

/** The reader behind an `Authorization: Bearer pb_…` header, or null for none or a bad one. */
export async function readerFromBearer(
  headers: Headers,
): Promise<(Reader & { tokenId: string }) | null> {
  const match = /^Bearer\s+(\S+)$/i.exec(headers.get("authorization") ?? "");
  const secret = match?.[1];
  if (!secret?.startsWith(PREFIX) || secret.length > 200) return null;
  const found = await readerOfToken({ tokenHash: hashToken(secret) });
  return found ? { id: found.userId, email: found.email, tokenId: found.tokenId } : null;
}

/** A token for the reader with that email (`npm run token`); not_found when there is none. */
export async function createApiTokenFor({
  email,
  name,
}: {
  email: string;
  name: string;
}): Promise<{ secret: string; token: ApiTokenSummary }> {
  const userId = await userIdByEmail({ email });
  if (!userId) throw new AppError("not_found:reader", `No reader has the email ${email}.`);
  return createApiToken({ userId, name });
}

/** Whether `secret` is a live token of this reader's (a page showing a secret checks first). */
export async function isLiveTokenOf({
  userId,
  secret,
}: {
  userId: string;
  secret: string;
}): Promise<boolean> {
  return (await liveTokenOwner({ tokenHash: hashToken(secret) })) === userId;
}
