import "server-only";
import { unsubscribeReader } from "@/db/queries/profiles";
import { applyWebhookEvent } from "@/db/queries/webhook-events";
import { verifyResendWebhook } from "@/lib/brief/delivery-webhook";
import type { BriefChoice, BriefToken } from "@/lib/brief/tokens";
import { env } from "@/lib/env";
import { recordEvent, saveInsight } from "@/lib/reader-changes";

// What a link or a post from outside a session changes. A verified token or signature is the
// authority here, not a signed-in reader, so these are not reader actions.

type ChoiceToken = BriefToken & { action: BriefChoice; insightId: string };

/** A brief's one-click button: save the insight, or more / less like it. */
export async function applyBriefChoice(token: ChoiceToken): Promise<void> {
  const { userId, insightId, action } = token;
  if (action === "save") await saveInsight({ userId, insightId });
  else await recordEvent({ userId, insightId, kind: action, meta: { via: "brief" } });
}

/** The brief's unsubscribe link (its token names the reader): no more daily briefs. */
export async function unsubscribeFromBrief({ userId }: { userId: string }): Promise<void> {
  await unsubscribeReader({ userId });
}

/** A Resend delivery event, checked against its signature and applied once. */
export async function applyResendEvent({
  body,
  headers,
}: {
  body: string;
  headers: Headers;
}): Promise<"applied" | "duplicate"> {
  const event = verifyResendWebhook({ secret: env.RESEND_WEBHOOK_SECRET, body, headers });
  return applyWebhookEvent({ id: event.id, event });
}
