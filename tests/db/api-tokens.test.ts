import { describe, expect, it } from "vitest";
import {
  createApiToken,
  createApiTokenFor,
  isLiveTokenOf,
  listApiTokens,
  readerFromBearer,
  revokeToken,
} from "@/lib/api-tokens";
import { givenReader } from "./factories";

// Reader API tokens: the secret is shown once and stored hashed; a token is its reader's until
// revoked.

const bearer = (secret: string) => new Headers({ authorization: `Bearer ${secret}` });

describe("reader API tokens", () => {
  it("finds the reader by a live token, and no one by a revoked, unknown or malformed one", async () => {
    const reader = await givenReader();
    const { secret, token } = await createApiToken({ userId: reader.id, name: "laptop" });
    expect(secret).toMatch(/^pb_[\w-]{43}$/);

    const found = await readerFromBearer(bearer(secret));
    expect(found).toEqual({ id: reader.id, email: reader.email, tokenId: token.id });
    const [listed] = await listApiTokens({ userId: reader.id });
    expect(listed?.name).toBe("laptop");
    expect(listed?.lastUsedAt).toBeInstanceOf(Date);
    expect(JSON.stringify(listed)).not.toContain(secret.slice(3));

    expect(await readerFromBearer(bearer(`${secret}x`))).toBeNull();
    expect(await readerFromBearer(new Headers({ authorization: secret }))).toBeNull();
    expect(await readerFromBearer(new Headers())).toBeNull();

    // Another reader cannot revoke it; its own reader can, once.
    const other = await givenReader("other");
    await expect(revokeToken({ userId: other.id, id: token.id })).rejects.toThrow(/not found/i);
    expect(await readerFromBearer(bearer(secret))).not.toBeNull();
    await expect(revokeToken({ userId: reader.id, id: "not-a-uuid" })).rejects.toThrow(
      /not found/i,
    );
    expect(await isLiveTokenOf({ userId: reader.id, secret })).toBe(true);
    expect(await isLiveTokenOf({ userId: other.id, secret })).toBe(false);
    await revokeToken({ userId: reader.id, id: token.id });
    expect(await readerFromBearer(bearer(secret))).toBeNull();
    expect(await isLiveTokenOf({ userId: reader.id, secret })).toBe(false);
    await expect(revokeToken({ userId: reader.id, id: token.id })).rejects.toThrow(/not found/i);
    expect((await listApiTokens({ userId: reader.id }))[0]?.revokedAt).toBeInstanceOf(Date);
  });

  it("makes a token for a reader named by email (npm run token), in any case", async () => {
    const reader = await givenReader();
    const { secret } = await createApiTokenFor({
      email: (reader.email ?? "").toUpperCase(),
      name: "cli",
    });
    expect((await readerFromBearer(bearer(secret)))?.id).toBe(reader.id);
    await expect(createApiTokenFor({ email: "nobody@example.com", name: "x" })).rejects.toThrow(
      /No reader has the email/,
    );
  });
});
