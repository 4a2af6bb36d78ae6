import { Resend } from "resend";
import { storeBatchInOutbox, storeInOutbox } from "@/db/queries/outbox";
import { env } from "@/lib/env";

// The one place that decides how email leaves: Resend when RESEND_API_KEY is set, otherwise the
// outbox table (shown at /dev/outbox), so sign-in and briefs work on one machine with no keys.

export type EmailKind = "sign-in" | "brief";

export type Email = {
  to: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
  kind: EmailKind;
};

export type SentEmail = { id: string; transport: "resend" | "outbox" };

export class MailError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "MailError";
  }
}

export function mailTransportName(): "resend" | "outbox" {
  return env.RESEND_API_KEY ? "resend" : "outbox";
}

let client: Resend | undefined;
function resend(): Resend {
  client ??= new Resend(env.RESEND_API_KEY, { baseUrl: env.RESEND_BASE_URL });
  return client;
}

export async function sendEmail(
  email: Email,
  { idempotencyKey }: { idempotencyKey?: string } = {},
): Promise<SentEmail> {
  if (mailTransportName() === "outbox") {
    const { id } = await storeInOutbox({ message: { ...email, from: env.EMAIL_FROM } });
    return { id, transport: "outbox" };
  }
  const { data, error } = await resend().emails.send(
    resendEmail(email),
    idempotencyKey ? { idempotencyKey } : undefined,
  );
  if (error || !data) {
    throw new MailError(`Resend refused the email: ${error?.message ?? "no answer"}`);
  }
  return { id: data.id, transport: "resend" };
}

/** An email as Resend's API takes it, from our sender, tagged with its kind. */
function resendEmail(email: Email) {
  return {
    from: env.EMAIL_FROM,
    to: email.to,
    subject: email.subject,
    html: email.html,
    text: email.text,
    headers: email.headers,
    tags: [{ name: "kind", value: email.kind }],
  };
}

export type BatchResult =
  | { ok: true; ids: string[] }
  | { ok: false; kind: "rate_limited"; retryAfterSeconds: number; message: string }
  | { ok: false; kind: "quota"; message: string }
  | { ok: false; kind: "failed"; retryable: boolean; message: string };

/**
 * Sends up to 100 emails in one provider call. The idempotency key and the body must be the same
 * on every retry of a batch: the provider then answers the first call's result and sends nothing
 * again. The outbox keeps the same promise with a unique key per email.
 */
export async function sendEmailBatch(
  emails: Email[],
  { idempotencyKey }: { idempotencyKey: string },
): Promise<BatchResult> {
  if (emails.length > 100) throw new Error("a batch holds at most 100 emails");
  if (mailTransportName() === "outbox") {
    const ids = await storeBatchInOutbox({
      key: idempotencyKey,
      messages: emails.map((email) => ({ ...email, from: env.EMAIL_FROM })),
    });
    return { ok: true, ids };
  }
  const { data, error, headers } = await resend().batch.send(emails.map(resendEmail), {
    idempotencyKey,
  });
  if (!error && data) return { ok: true, ids: data.data.map((sent) => sent.id) };
  const message = `Resend refused the batch: ${error?.message ?? "no answer"}`;
  const name = String(error?.name ?? "");
  if (name === "daily_quota_exceeded" || name === "monthly_quota_exceeded") {
    return { ok: false, kind: "quota", message };
  }
  if (name === "rate_limit_exceeded" || error?.statusCode === 429) {
    const retryAfter = Number((headers as Record<string, string> | null)?.["retry-after"] ?? 1);
    return {
      ok: false,
      kind: "rate_limited",
      retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : 1,
      message,
    };
  }
  const status = error?.statusCode ?? null;
  // Our request was wrong (4xx): the same body will fail again. The rest may pass on a retry.
  const retryable = status === null || status >= 500 || name === "concurrent_idempotent_requests";
  return { ok: false, kind: "failed", retryable, message };
}

/**
 * /dev/outbox shows every stored email, sign-in links included, to whoever opens it. So it is on
 * only when there is no mail provider and the app runs for this machine alone: in development,
 * or when its public address (APP_URL) is a loopback one. Never on a deployment others reach.
 */
export function outboxViewerEnabled(): boolean {
  if (mailTransportName() !== "outbox") return false;
  if (env.NODE_ENV !== "production") return true;
  const host = new URL(env.APP_URL).hostname;
  return host === "localhost" || host === "127.0.0.1" || host === "[::1]";
}

/** Said at start-up: a deployment with no way to deliver mail must not look like one that has. */
export function mailWarning(): string | null {
  if (mailTransportName() === "resend" || outboxViewerEnabled()) return null;
  return "podbrief: no mail provider (RESEND_API_KEY is unset) and APP_URL is not local: sign-in emails and briefs are only stored in the outbox table, and readers cannot receive them";
}
