import { Webhook } from "svix";
import { z } from "zod";
import type { WebhookEffect, WebhookEventInput } from "@/db/queries/webhook-events";
import { tokenFromSubject, verifyBriefToken } from "@/lib/brief/tokens";
import { AppError } from "@/lib/errors";

// What Resend's webhooks say about the briefs it delivered (lib/mail only sends; it knows no brief).
// Resend's webhooks are signed by Svix (standard webhooks) over the message id, its timestamp and
// the raw body: the body is verified exactly as it arrived, and only then parsed. Svix refuses a
// timestamp more than five minutes from this machine's clock, either way, so a captured request
// cannot be replayed later.

export type ResendWebhookEvent = WebhookEventInput & { id: string };

const envelope = z.object({
  type: z.string().min(1),
  created_at: z.string().optional(),
  data: z.record(z.string(), z.unknown()),
});

const emailData = z.object({ email_id: z.string().min(1), to: z.array(z.string()) });
const bouncedData = emailData.extend({
  bounce: z.object({ type: z.string().optional() }).optional(),
});
const clickedData = emailData.extend({ click: z.object({ link: z.string() }) });
const receivedData = z.object({ email_id: z.string().min(1), subject: z.string().default("") });

const UUID_PATH =
  /^\/insights\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:\/|$)/i;

/**
 * Checks the signature and timestamp of a Resend webhook and reads what it means. Throws
 * AppError: `unavailable` when no (valid) secret is configured, `bad_request` when the request is
 * not a signed, well-formed event.
 */
export function verifyResendWebhook({
  secret,
  body,
  headers,
}: {
  secret: string | undefined;
  /** The request body as received (`await request.text()`), never re-serialized. */
  body: string;
  headers: Headers;
}): ResendWebhookEvent {
  if (!secret) {
    throw new AppError(
      "unavailable:webhook",
      "Resend webhooks are not set up on this server: RESEND_WEBHOOK_SECRET is not set.",
    );
  }
  let webhook: Webhook;
  try {
    webhook = new Webhook(secret);
  } catch {
    throw new AppError(
      "unavailable:webhook",
      "Resend webhooks are not set up on this server: RESEND_WEBHOOK_SECRET is not a valid signing secret.",
    );
  }
  const id = headers.get("svix-id") ?? "";
  try {
    webhook.verify(body, {
      "svix-id": id,
      "svix-timestamp": headers.get("svix-timestamp") ?? "",
      "svix-signature": headers.get("svix-signature") ?? "",
    });
  } catch {
    throw new AppError(
      "bad_request:signature",
      "The webhook signature is missing or does not match, or the event is too old.",
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw badPayload();
  }
  const event = envelope.safeParse(json);
  if (!event.success) throw badPayload();
  return { id, type: event.data.type, payload: json, effect: effectOf(event.data) };
}

function effectOf({ type, data }: z.infer<typeof envelope>): WebhookEffect {
  switch (type) {
    case "email.bounced": {
      const { to, bounce } = parse(bouncedData, data);
      // Resend sends email.bounced for permanent rejections; should one say otherwise
      // (Transient, Undetermined), it is recorded and the reader keeps getting the brief.
      if (bounce?.type && bounce.type.toLowerCase() !== "permanent") return { kind: "none" };
      return { kind: "suppress", addresses: addressesOf(to) };
    }
    case "email.complained":
      return { kind: "suppress", addresses: addressesOf(parse(emailData, data).to) };
    case "email.delivered":
    case "email.opened": {
      const { email_id } = parse(emailData, data);
      const event = type === "email.delivered" ? "delivered" : "opened";
      return { kind: "brief-event", event, emailId: email_id, link: null, insightId: null };
    }
    case "email.clicked": {
      const { email_id, click } = parse(clickedData, data);
      return {
        kind: "brief-event",
        event: "click",
        emailId: email_id,
        link: click.link,
        insightId: insightIdFromLink(click.link),
      };
    }
    case "email.received": {
      // Mail to the List-Unsubscribe mailto address: its subject carries the reader's signed
      // token, so a forged From changes nothing.
      const token = verifyBriefToken(tokenFromSubject(parse(receivedData, data).subject));
      return token?.action === "unsubscribe"
        ? { kind: "unsubscribe", userId: token.userId }
        : { kind: "none" };
    }
    default:
      return { kind: "none" };
  }
}

/** The insight a link opens (`…/insights/<uuid>`, or a path below it), or null. */
export function insightIdFromLink(link: string): string | null {
  let url: URL;
  try {
    url = new URL(link, "https://link.invalid");
  } catch {
    return null;
  }
  // A brief's one-click link carries its insight inside the signed token.
  if (url.pathname === "/brief/act") {
    return verifyBriefToken(url.searchParams.get("t"))?.insightId ?? null;
  }
  return UUID_PATH.exec(url.pathname)?.[1]?.toLowerCase() ?? null;
}

/** Bare, lowercased addresses: "Ada <ADA@example.com>" → "ada@example.com". */
function addressesOf(to: string[]): string[] {
  const addresses = to.map((entry) =>
    (/<([^<>]+)>/.exec(entry)?.[1] ?? entry).trim().toLowerCase(),
  );
  return [...new Set(addresses.filter((address) => address.includes("@")))];
}

function parse<T extends z.ZodType>(schema: T, data: unknown): z.infer<T> {
  const result = schema.safeParse(data);
  if (!result.success) throw badPayload();
  return result.data;
}

function badPayload(): AppError {
  return new AppError("bad_request:payload", "The webhook body is not a Resend event.");
}
