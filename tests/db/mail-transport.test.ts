import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { listOutbox } from "@/db/queries/outbox";

// lib/mail/transport decides between Resend and the outbox from the settings, which lib/env reads
// when first imported; each case imports it afresh with the settings it needs.

async function transportWith(settings: Record<string, string>) {
  for (const [key, value] of Object.entries(settings)) vi.stubEnv(key, value);
  vi.resetModules();
  return import("@/lib/mail/transport");
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

const email = {
  to: "reader@example.com",
  subject: "Sign in to Podbrief",
  html: "<p>Hi</p>",
  text: "Hi",
  kind: "sign-in" as const,
};

describe("the mail transport", () => {
  it("keeps email in the outbox when no provider is set", async () => {
    const { sendEmail, mailTransportName } = await transportWith({ RESEND_API_KEY: "" });
    expect(mailTransportName()).toBe("outbox");
    const sent = await sendEmail(email);
    expect(sent.transport).toBe("outbox");
    const [stored] = await listOutbox();
    expect(stored).toMatchObject({ id: sent.id, to: "reader@example.com", kind: "sign-in" });
  });

  it("sends through Resend when RESEND_API_KEY is set, with the idempotency key", async () => {
    const seen: { url?: string; headers: IncomingHttpHeaders; body: unknown }[] = [];
    const server = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () => {
        seen.push({ url: req.url, headers: req.headers, body: JSON.parse(body) });
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ id: "resend-email-1" }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const { sendEmail } = await transportWith({
        RESEND_API_KEY: "re_test_key",
        RESEND_BASE_URL: `http://127.0.0.1:${port}`,
        EMAIL_FROM: "Podbrief <hello@podbrief.test>",
      });
      const sent = await sendEmail(email, { idempotencyKey: "sign-in/abc" });
      expect(sent).toEqual({ id: "resend-email-1", transport: "resend" });
      expect(seen).toHaveLength(1);
      expect(seen[0]?.url).toBe("/emails");
      expect(seen[0]?.headers.authorization).toBe("Bearer re_test_key");
      expect(seen[0]?.headers["idempotency-key"]).toBe("sign-in/abc");
      expect(seen[0]?.body).toMatchObject({
        from: "Podbrief <hello@podbrief.test>",
        to: "reader@example.com",
        subject: "Sign in to Podbrief",
      });
      expect(await listOutbox()).toEqual([]);
    } finally {
      server.close();
    }
  });
});

describe("a deployment with no way to deliver mail", () => {
  it("is said at start-up when public, and not on a developer's machine", async () => {
    const publicSite = await transportWith({
      NODE_ENV: "production",
      RESEND_API_KEY: "",
      APP_URL: "https://podbrief.example",
    });
    expect(publicSite.outboxViewerEnabled()).toBe(false);
    expect(publicSite.mailWarning()).toMatch(/no mail provider \(RESEND_API_KEY is unset\)/);

    const local = await transportWith({
      NODE_ENV: "production",
      RESEND_API_KEY: "",
      APP_URL: "http://localhost:3000",
    });
    expect(local.outboxViewerEnabled()).toBe(true);
    expect(local.mailWarning()).toBeNull();

    const resend = await transportWith({ NODE_ENV: "production", RESEND_API_KEY: "re_live" });
    expect(resend.outboxViewerEnabled()).toBe(false);
    expect(resend.mailWarning()).toBeNull();
  });
});
