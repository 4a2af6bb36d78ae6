import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";

// The pages' Content-Security-Policy (proxy.ts) lets the player load episode audio, and nothing
// else is widened for it: media from any https origin, plain http only on this machine and only
// with INGEST_ALLOW_PRIVATE_NETWORK.

async function policies(settings: Record<string, string>): Promise<string[]> {
  vi.resetModules();
  for (const [name, value] of Object.entries(settings)) vi.stubEnv(name, value);
  const { proxy } = await import("@/proxy");
  // A page rendered per request, and a signed-out visitor's cached one.
  return ["/settings", "/feed"].map(
    (path) =>
      proxy(new NextRequest(`http://localhost:3000${path}`)).headers.get(
        "content-security-policy",
      ) ?? "",
  );
}

const directive = (policy: string, name: string) =>
  policy
    .split("; ")
    .find((part) => part.startsWith(`${name} `))
    ?.slice(name.length + 1);

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the page policy", () => {
  it("allows media from this site and https origins only, by default", async () => {
    const [perRequest, cached] = await policies({ INGEST_ALLOW_PRIVATE_NETWORK: "false" });
    for (const policy of [perRequest, cached] as string[]) {
      expect(directive(policy, "media-src")).toBe("'self' https:");
      expect(policy).not.toContain("http:");
      expect(policy).not.toContain("127.0.0.1");
    }
    expect(cached).toContain("script-src 'self' 'unsafe-inline'");
    expect(perRequest).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  });

  it("adds plain http on this machine only with the private-network setting", async () => {
    const [perRequest, cached] = await policies({ INGEST_ALLOW_PRIVATE_NETWORK: "true" });
    for (const policy of [perRequest, cached] as string[]) {
      expect(directive(policy, "media-src")).toBe(
        "'self' https: http://127.0.0.1:* http://localhost:*",
      );
    }
  });

  it("widens nothing else: every other directive is as strict as before the player", async () => {
    const [policy] = (await policies({ INGEST_ALLOW_PRIVATE_NETWORK: "true" })) as [string];
    expect(directive(policy, "default-src")).toBe("'self'");
    expect(directive(policy, "connect-src")).toBe("'self'");
    expect(directive(policy, "frame-src")).toBe("'self'");
    expect(directive(policy, "font-src")).toBe("'self'");
    expect(directive(policy, "img-src")).toBe("'self' https: data: blob:");
    expect(directive(policy, "object-src")).toBe("'none'");
    expect(directive(policy, "frame-ancestors")).toBe("'none'");
    expect(policy.match(/http:\/\//g)).toHaveLength(2);
  });
});
