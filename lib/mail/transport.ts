import { Resend } from "resend";
import { storeInOutbox } from "@/db/queries/outbox";
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
    {
      from: env.EMAIL_FROM,
      to: email.to,
      subject: email.subject,
      html: email.html,
      text: email.text,
      headers: email.headers,
      tags: [{ name: "kind", value: email.kind }],
    },
    idempotencyKey ? { idempotencyKey } : undefined,
  );
  if (error || !data) {
    throw new MailError(`Resend refused the email: ${error?.message ?? "no answer"}`);
  }
  return { id: data.id, transport: "resend" };
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
