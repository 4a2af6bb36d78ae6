import { randomBytes, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { Webhook } from "svix";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { createDueBriefs } from "@/db/queries/briefs";
import { briefs, events, profiles, users, webhookEvents } from "@/db/schema";
import { insightIdFromLink } from "@/lib/brief/delivery-webhook";
import { anInsight, givenEpisode, givenInsights, givenReader } from "./factories";

// The route reads RESEND_WEBHOOK_SECRET through lib/env, which parses the settings when first
// imported: each case imports the route afresh with the secret it needs.

const SECRET = `whsec_${randomBytes(32).toString("base64")}`;
const OTHER_SECRET = `whsec_${randomBytes(32).toString("base64")}`;
const MINUTE = 60_000;

type Post = (request: Request) => Promise<Response>;
let post: Post;

async function routeWith(secret: string): Promise<Post> {
  vi.stubEnv("RESEND_WEBHOOK_SECRET", secret);
  vi.resetModules();
  return (await import("@/app/api/webhooks/resend/route")).POST;
}

beforeEach(async () => {
  post = await routeWith(SECRET);
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  vi.resetModules();
});

function resendEvent(type: string, data: Record<string, unknown>) {
  return {
    type,
    created_at: new Date().toISOString(),
    data: {
      created_at: new Date().toISOString(),
      from: "Podbrief <brief@podbrief.test>",
      subject: "Your brief for Tuesday",
      ...data,
    },
  };
}

/** A request as Resend sends it: the body signed with the secret, id and time. */
function signed(
  body: string,
  {
    id = `msg_${randomUUID()}`,
    at = new Date(),
    secret = SECRET,
    sentBody = body,
  }: { id?: string; at?: Date; secret?: string; sentBody?: string } = {},
): Request {
  return new Request("http://localhost:3000/api/webhooks/resend", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "svix-id": id,
      "svix-timestamp": String(Math.floor(at.getTime() / 1000)),
      "svix-signature": new Webhook(secret).sign(id, at, body),
    },
    body: sentBody,
  });
}

/** A reader who is onboarded, wants the brief, and was sent one through Resend. */
async function givenBriefReader(name: string) {
  const { id, email } = await givenReader(name);
  if (!email) throw new Error("the factory made a reader without an email");
  const db = await getDb();
  await db.insert(profiles).values({ userId: id, onboardedAt: new Date() });
  const emailId = `resend-${randomUUID()}`;
  const [brief] = await db
    .insert(briefs)
    .values({
      userId: id,
      localDate: "2026-11-24",
      status: "sent",
      providerId: emailId,
      sentAt: new Date(),
    })
    .returning({ id: briefs.id });
  if (!brief) throw new Error("no brief row");
  return { id, email, briefId: brief.id, emailId };
}

async function suppressedAt(userId: string): Promise<Date | null | undefined> {
  const db = await getDb();
  const [row] = await db
    .select({ at: profiles.suppressedAt })
    .from(profiles)
    .where(eq(profiles.userId, userId));
  return row?.at;
}

async function recorded() {
  const db = await getDb();
  return {
    webhookEvents: await db.select().from(webhookEvents),
    events: await db.select().from(events),
  };
}

describe("POST /api/webhooks/resend: who may call it", () => {
  it("answers 503 with a sentence when no secret is set, and records nothing", async () => {
    const reader = await givenBriefReader("unset");
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const unconfigured = await routeWith("");
    const body = JSON.stringify(
      resendEvent("email.bounced", { email_id: "x", to: [reader.email] }),
    );
    const response = await unconfigured(signed(body));
    expect(response.status).toBe(503);
    const answer = (await response.json()) as { ok: boolean; error: string };
    expect(answer.ok).toBe(false);
    expect(answer.error).toMatch(/not set up.*RESEND_WEBHOOK_SECRET/);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining("RESEND_WEBHOOK_SECRET"));
    expect(await suppressedAt(reader.id)).toBeNull();
    expect((await recorded()).webhookEvents).toEqual([]);
  });

  it("refuses a signature made with another secret, without echoing the secret", async () => {
    const reader = await givenBriefReader("forged");
    const body = JSON.stringify(
      resendEvent("email.complained", { email_id: reader.emailId, to: [reader.email] }),
    );
    const response = await post(signed(body, { secret: OTHER_SECRET }));
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).not.toContain(SECRET.slice("whsec_".length));
    expect(text).not.toContain(OTHER_SECRET.slice("whsec_".length));
    expect(text).not.toMatch(/\bat .+:\d+:\d+/); // no stack trace
    expect(await suppressedAt(reader.id)).toBeNull();
    expect((await recorded()).webhookEvents).toEqual([]);
  });

  it("refuses a request without the signature headers", async () => {
    const reader = await givenBriefReader("unsigned");
    const response = await post(
      new Request("http://localhost:3000/api/webhooks/resend", {
        method: "POST",
        body: JSON.stringify(
          resendEvent("email.complained", { email_id: reader.emailId, to: [reader.email] }),
        ),
      }),
    );
    expect(response.status).toBe(400);
    expect(await suppressedAt(reader.id)).toBeNull();
  });

  it("refuses a body changed by one byte after signing", async () => {
    const reader = await givenBriefReader("tampered");
    const body = JSON.stringify(
      resendEvent("email.bounced", { email_id: "e", to: [reader.email] }),
    );
    // Still valid JSON naming the same reader (addresses match case-insensitively): only the
    // signature can tell.
    const changed = body.replace(reader.email, `R${reader.email.slice(1)}`);
    expect(changed).not.toBe(body);
    expect(changed.length).toBe(body.length);
    const response = await post(signed(body, { sentBody: changed }));
    expect(response.status).toBe(400);
    expect(await suppressedAt(reader.id)).toBeNull();
    expect((await recorded()).webhookEvents).toEqual([]);

    // The same body unchanged is accepted: the refusal above was the changed byte.
    expect((await post(signed(body))).status).toBe(200);
    expect(await suppressedAt(reader.id)).toBeInstanceOf(Date);
  });

  it("refuses a timestamp six minutes old or six minutes ahead, accepts four minutes old", async () => {
    const reader = await givenBriefReader("late");
    const body = JSON.stringify(
      resendEvent("email.delivered", { email_id: reader.emailId, to: [reader.email] }),
    );
    const old = await post(signed(body, { at: new Date(Date.now() - 6 * MINUTE) }));
    expect(old.status).toBe(400);
    const ahead = await post(signed(body, { at: new Date(Date.now() + 6 * MINUTE) }));
    expect(ahead.status).toBe(400);
    expect(await recorded()).toEqual({ webhookEvents: [], events: [] });

    const recent = await post(signed(body, { at: new Date(Date.now() - 4 * MINUTE) }));
    expect(recent.status).toBe(200);
    expect((await recorded()).events).toHaveLength(1);
  });

  it("refuses a signed body that is not JSON or not a Resend event", async () => {
    const reader = await givenBriefReader("shape");
    expect((await post(signed("not json {"))).status).toBe(400);
    expect((await post(signed(JSON.stringify({ hello: "world" })))).status).toBe(400);
    const noRecipients = JSON.stringify(resendEvent("email.bounced", { email_id: "e" }));
    expect((await post(signed(noRecipients))).status).toBe(400);
    const noLink = JSON.stringify(
      resendEvent("email.clicked", { email_id: reader.emailId, to: [reader.email] }),
    );
    expect((await post(signed(noLink))).status).toBe(400);
    expect(await recorded()).toEqual({ webhookEvents: [], events: [] });
  });
});

describe("POST /api/webhooks/resend: each event once", () => {
  it("applies a redelivered event id once", async () => {
    const reader = await givenBriefReader("twice");
    const id = `msg_${randomUUID()}`;
    const body = JSON.stringify(
      resendEvent("email.delivered", { email_id: reader.emailId, to: [reader.email] }),
    );
    const first = await post(signed(body, { id }));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ ok: true });
    const second = await post(signed(body, { id }));
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual({ ok: true, duplicate: true });
    const { webhookEvents: seen, events: rows } = await recorded();
    expect(seen.map((row) => row.id)).toEqual([id]);
    expect(rows).toHaveLength(1);

    // The same content under a new id is a new event.
    expect(await (await post(signed(body))).json()).toEqual({ ok: true });
    expect((await recorded()).events).toHaveLength(2);
  });

  it("forgets event ids (and their payloads) after 30 days, keeping the younger ones", async () => {
    const reader = await givenBriefReader("pruned");
    const db = await getDb();
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
    await db.insert(webhookEvents).values([
      { id: "msg_old", type: "email.delivered", payload: {}, receivedAt: daysAgo(31) },
      { id: "msg_young", type: "email.delivered", payload: {}, receivedAt: daysAgo(29) },
    ]);
    const body = JSON.stringify(
      resendEvent("email.delivered", { email_id: reader.emailId, to: [reader.email] }),
    );
    const id = `msg_${randomUUID()}`;
    expect((await post(signed(body, { id }))).status).toBe(200);
    const kept = (await recorded()).webhookEvents.map((row) => row.id).sort();
    expect(kept).toEqual([id, "msg_young"].sort());
  });

  it("suppresses once: a redelivered bounce does not suppress again", async () => {
    const reader = await givenBriefReader("rebounce");
    const id = `msg_${randomUUID()}`;
    const body = JSON.stringify(
      resendEvent("email.bounced", {
        email_id: reader.emailId,
        to: [reader.email],
        bounce: { type: "Permanent", subType: "General", message: "No such user" },
      }),
    );
    expect((await post(signed(body, { id }))).status).toBe(200);
    expect(await suppressedAt(reader.id)).toBeInstanceOf(Date);

    // Say the reader fixed their mailbox and was let back in: the old bounce, delivered again,
    // must not suppress them a second time.
    const db = await getDb();
    await db.update(profiles).set({ suppressedAt: null }).where(eq(profiles.userId, reader.id));
    const again = await post(signed(body, { id }));
    expect(await again.json()).toEqual({ ok: true, duplicate: true });
    expect(await suppressedAt(reader.id)).toBeNull();
  });
});

describe("POST /api/webhooks/resend: bounces and complaints", () => {
  it("suppresses the reader a hard bounce names (any case), and no one else", async () => {
    const bounced = await givenBriefReader("bounced");
    const other = await givenBriefReader("other");
    const body = JSON.stringify(
      resendEvent("email.bounced", {
        email_id: bounced.emailId,
        to: [`Bounced Reader <${bounced.email.toUpperCase()}>`],
        bounce: { type: "Permanent", subType: "General", message: "550 no such user" },
      }),
    );
    const response = await post(signed(body));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(await suppressedAt(bounced.id)).toBeInstanceOf(Date);
    expect(await suppressedAt(other.id)).toBeNull();
    expect((await recorded()).webhookEvents).toMatchObject([{ type: "email.bounced" }]);

    // A suppressed reader gets no brief again; the other one does.
    const made = await createDueBriefs({ now: new Date("2026-11-25T23:00:00Z") });
    expect(made).toBe(1);
    const db = await getDb();
    const next = await db
      .select({ userId: briefs.userId })
      .from(briefs)
      .where(eq(briefs.localDate, "2026-11-25"));
    expect(next).toEqual([{ userId: other.id }]);
  });

  it("matches an address stored with capitals", async () => {
    const reader = await givenBriefReader("capitals");
    const db = await getDb();
    await db
      .update(users)
      .set({ email: `Mixed.Case-${reader.email}`.replace("reader", "Reader") })
      .where(eq(users.id, reader.id));
    const body = JSON.stringify(
      resendEvent("email.complained", {
        email_id: reader.emailId,
        to: [`mixed.case-${reader.email}`.toLowerCase()],
      }),
    );
    expect((await post(signed(body))).status).toBe(200);
    expect(await suppressedAt(reader.id)).toBeInstanceOf(Date);
  });

  it("suppresses a reader who has no profile yet, so onboarding cannot undo it", async () => {
    const reader = await givenReader("newcomer");
    const body = JSON.stringify(
      resendEvent("email.bounced", { email_id: "sign-in-email", to: [reader.email] }),
    );
    expect((await post(signed(body))).status).toBe(200);
    expect(await suppressedAt(reader.id)).toBeInstanceOf(Date);
  });

  it("does not suppress for a bounce Resend calls transient", async () => {
    const reader = await givenBriefReader("soft");
    const body = JSON.stringify(
      resendEvent("email.bounced", {
        email_id: reader.emailId,
        to: [reader.email],
        bounce: { type: "Transient", subType: "MailboxFull", message: "Mailbox full" },
      }),
    );
    expect((await post(signed(body))).status).toBe(200);
    expect(await suppressedAt(reader.id)).toBeNull();
    expect((await recorded()).webhookEvents).toHaveLength(1);
  });

  it("suppresses the reader who complained, and no one else", async () => {
    const complained = await givenBriefReader("complained");
    const other = await givenBriefReader("content");
    const body = JSON.stringify(
      resendEvent("email.complained", { email_id: complained.emailId, to: [complained.email] }),
    );
    expect((await post(signed(body))).status).toBe(200);
    expect(await suppressedAt(complained.id)).toBeInstanceOf(Date);
    expect(await suppressedAt(other.id)).toBeNull();
  });
});

describe("POST /api/webhooks/resend: mail to the unsubscribe address", () => {
  async function unsubscribedAt(userId: string): Promise<Date | null | undefined> {
    const db = await getDb();
    const [row] = await db
      .select({ at: profiles.unsubscribedAt })
      .from(profiles)
      .where(eq(profiles.userId, userId));
    return row?.at;
  }

  async function received(subject: string, from = "Someone <someone@elsewhere.test>") {
    const body = JSON.stringify(
      resendEvent("email.received", {
        email_id: `inbound-${randomUUID()}`,
        from,
        to: ["unsubscribe@abc123.resend.app"],
        subject,
      }),
    );
    return post(signed(body));
  }

  it("unsubscribes the reader whose signed token the subject carries, whoever sent it", async () => {
    const leaving = await givenBriefReader("leaving");
    const staying = await givenBriefReader("staying");
    const { signBriefToken, unsubscribeSubject } = await import("@/lib/brief/tokens");
    const token = signBriefToken({
      userId: leaving.id,
      action: "unsubscribe",
      insightId: null,
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    const response = await received(`Re: ${unsubscribeSubject(token)}`);
    expect(response.status).toBe(200);
    expect(await unsubscribedAt(leaving.id)).toBeInstanceOf(Date);
    expect(await unsubscribedAt(staying.id)).toBeNull();
  });

  it("changes nothing for a subject without a valid unsubscribe token", async () => {
    const reader = await givenBriefReader("kept");
    const { signBriefToken } = await import("@/lib/brief/tokens");
    const save = signBriefToken({
      userId: reader.id,
      action: "save",
      insightId: "0b6f3c1e-8d2a-4c7b-9e1f-2a3b4c5d6e7f",
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    for (const subject of [
      "unsubscribe",
      `unsubscribe ${save}`, // signed, but for another action
      `unsubscribe ${save.slice(0, -2)}xx`, // forged
      "Hello there",
    ]) {
      expect((await received(subject, reader.email)).status).toBe(200);
    }
    expect(await unsubscribedAt(reader.id)).toBeNull();
  });
});

describe("POST /api/webhooks/resend: delivery, opens and clicks", () => {
  it("records delivered and opened for the reader the brief went to", async () => {
    const reader = await givenBriefReader("opener");
    await givenBriefReader("bystander");
    for (const type of ["email.delivered", "email.opened"]) {
      const body = JSON.stringify(
        resendEvent(type, { email_id: reader.emailId, to: [reader.email] }),
      );
      expect((await post(signed(body))).status).toBe(200);
    }
    const { events: rows } = await recorded();
    expect(
      rows.map(({ userId, insightId, kind, meta }) => ({ userId, insightId, kind, meta })),
    ).toEqual([
      {
        userId: reader.id,
        insightId: null,
        kind: "delivered",
        meta: { briefId: reader.briefId, emailId: reader.emailId },
      },
      {
        userId: reader.id,
        insightId: null,
        kind: "opened",
        meta: { briefId: reader.briefId, emailId: reader.emailId },
      },
    ]);
  });

  it("records an email that is not a brief, and changes nothing else", async () => {
    const reader = await givenBriefReader("signin");
    const body = JSON.stringify(
      resendEvent("email.delivered", { email_id: "not-a-brief", to: [reader.email] }),
    );
    const response = await post(signed(body));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    const { webhookEvents: seen, events: rows } = await recorded();
    expect(seen).toMatchObject([{ type: "email.delivered" }]);
    expect(rows).toEqual([]);
  });

  it("records a click with the insight its link opens", async () => {
    const reader = await givenBriefReader("clicker");
    const { episodeId } = await givenEpisode();
    const [insightId] = await givenInsights(episodeId, [anInsight()]);
    if (!insightId) throw new Error("no insight");
    const links = [
      `http://localhost:3000/insights/${insightId}?utm_source=brief`,
      "https://example.com/episode-page",
      `http://localhost:3000/insights/${randomUUID()}`, // deleted since the brief was sent
    ];
    for (const link of links) {
      const body = JSON.stringify(
        resendEvent("email.clicked", {
          email_id: reader.emailId,
          to: [reader.email],
          click: { link, ipAddress: "203.0.113.9", timestamp: new Date().toISOString() },
        }),
      );
      expect((await post(signed(body))).status).toBe(200);
    }
    const { events: rows } = await recorded();
    expect(
      rows.map(({ userId, insightId, kind, meta }) => ({ userId, insightId, kind, meta })),
    ).toEqual(
      links.map((link, index) => ({
        userId: reader.id,
        insightId: index === 0 ? insightId : null,
        kind: "click",
        meta: { briefId: reader.briefId, emailId: reader.emailId, link },
      })),
    );
  });

  it("records other event types and does nothing with them", async () => {
    const reader = await givenBriefReader("sent");
    const body = JSON.stringify(
      resendEvent("email.sent", { email_id: reader.emailId, to: [reader.email] }),
    );
    const response = await post(signed(body));
    expect(response.status).toBe(200);
    const { webhookEvents: seen, events: rows } = await recorded();
    expect(seen).toMatchObject([{ type: "email.sent", payload: JSON.parse(body) }]);
    expect(rows).toEqual([]);
    expect(await suppressedAt(reader.id)).toBeNull();
  });
});

describe("insightIdFromLink", () => {
  it("reads the insight from /insights/<uuid> paths only", () => {
    const id = "0b6c5a3e-8f1d-4c2a-9e7b-1d2c3b4a5f60";
    expect(insightIdFromLink(`https://podbrief.app/insights/${id}`)).toBe(id);
    expect(insightIdFromLink(`https://podbrief.app/insights/${id.toUpperCase()}/save?t=x`)).toBe(
      id,
    );
    expect(insightIdFromLink(`/insights/${id}`)).toBe(id);
    expect(insightIdFromLink(`https://podbrief.app/insights/${id}x`)).toBeNull();
    expect(insightIdFromLink(`https://podbrief.app/saved/insights/${id}`)).toBeNull();
    expect(insightIdFromLink("https://podbrief.app/settings")).toBeNull();
    expect(insightIdFromLink("http://[bad")).toBeNull();
  });
});

describe("a click on a brief's one-click link", () => {
  it("names the insight inside the signed token, and nothing for a forged one", async () => {
    const { insightIdFromLink } = await import("@/lib/brief/delivery-webhook");
    const { signBriefToken } = await import("@/lib/brief/tokens");
    const insightId = "0b6f3c1e-8d2a-4c7b-9e1f-2a3b4c5d6e7f";
    const t = signBriefToken({
      userId: "user-1",
      action: "save",
      insightId,
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    expect(insightIdFromLink(`https://podbrief.example/brief/act?t=${t}`)).toBe(insightId);
    expect(
      insightIdFromLink(`https://podbrief.example/brief/act?t=${t.slice(0, -2)}xx`),
    ).toBeNull();
  });
});
