import { describe, expect, it } from "vitest";
import { tokenReaderRoute } from "@/app/api/v1/with-token";
import { createApiToken, revokeToken } from "@/lib/api-tokens";
import { givenReader } from "./factories";

// The API's wrapper: the reader comes from a bearer token, and each token is rate limited.

const call = (route: (request: Request) => Promise<Response>, authorization?: string) =>
  route(
    new Request("http://localhost:3000/api/v1/whoami", {
      headers: authorization ? { authorization } : {},
    }),
  );

describe("withTokenReader", () => {
  it("answers for a live token, and 401 with a typed error for none, unknown or revoked", async () => {
    const reader = await givenReader();
    const { secret, token } = await createApiToken({ userId: reader.id, name: "script" });
    const route = tokenReaderRoute({ limit: 100, windowSeconds: 60 })({}, async ({ reader }) => ({
      id: reader.id,
    }));

    const ok = await call(route, `Bearer ${secret}`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ id: reader.id });

    for (const authorization of [undefined, "Bearer pb_unknown", `Basic ${secret}`]) {
      const refused = await call(route, authorization);
      expect(refused.status).toBe(401);
      const { error } = await refused.json();
      expect(error.code).toBe("unauthorized");
      expect(error.message).toMatch(/Bearer/);
    }
    await revokeToken({ userId: reader.id, id: token.id });
    expect((await call(route, `Bearer ${secret}`)).status).toBe(401);
  });

  it("answers 429 with Retry-After past the token's limit; another token has its own count", async () => {
    const reader = await givenReader();
    const first = await createApiToken({ userId: reader.id, name: "one" });
    const second = await createApiToken({ userId: reader.id, name: "two" });
    const route = tokenReaderRoute({ limit: 2, windowSeconds: 60 })({}, async () => ({ ok: 1 }));

    expect((await call(route, `Bearer ${first.secret}`)).status).toBe(200);
    expect((await call(route, `Bearer ${first.secret}`)).status).toBe(200);
    const limited = await call(route, `Bearer ${first.secret}`);
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const { error } = await limited.json();
    expect(error).toMatchObject({ code: "rate_limited" });
    expect(error.message).toMatch(/Try again in \d+ seconds/);

    expect((await call(route, `Bearer ${second.secret}`)).status).toBe(200);
  });
});
