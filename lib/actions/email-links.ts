import "server-only";
import { z } from "zod";
import { setBriefCadence, unsubscribeReader } from "@/db/queries/profiles";
import { applyWebhookEvent } from "@/db/queries/webhook-events";
import { cadenceFields } from "@/lib/actions/profile";
import type { BriefCadence } from "@/lib/brief/cadence";
import { verifyResendWebhook } from "@/lib/brief/delivery-webhook";
import { type BriefChoice, type BriefToken, verifyBriefToken } from "@/lib/brief/tokens";
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

const cadenceInput = z.object({
  briefCadence: cadenceFields.briefCadence,
  briefWeekday: cadenceFields.briefWeekday.optional(),
});

export type CadenceChange =
  | { ok: true; cadence: BriefCadence }
  | { ok: false; reason: "link" | "input"; message: string };

const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;

/**
 * The email's "Change how often" page: the signed token names the reader, the posted fields say
 * how often (and on which day for a weekly brief). A brief already made today is not made again.
 */
export async function changeCadenceFromEmail({
  t,
  fields,
}: {
  t: unknown;
  fields: Record<string, unknown>;
}): Promise<CadenceChange> {
  const token = verifyBriefToken(t);
  if (token?.action !== "cadence") {
    return { ok: false, reason: "link", message: "This link is not valid or has expired." };
  }
  const input = cadenceInput.safeParse(fields);
  if (!input.success) {
    return { ok: false, reason: "input", message: sentence(input.error.issues[0]?.message ?? "") };
  }
  const { briefCadence: cadence, briefWeekday: weekday } = input.data;
  if (cadence === "weekly" && weekday === undefined) {
    return {
      ok: false,
      reason: "input",
      message: "Choose the day of the week your weekly brief arrives.",
    };
  }
  if (!(await setBriefCadence({ userId: token.userId, cadence, weekday }))) {
    return { ok: false, reason: "link", message: "This link is not valid or has expired." };
  }
  return { ok: true, cadence };
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
