"use server";

import { redirect } from "next/navigation";
import { applyBriefChoice, changeCadenceFromEmail } from "@/lib/actions/email-links";
import { isBriefChoice, verifyBriefToken } from "@/lib/brief/tokens";
import { withFlash } from "@/lib/flash";

// The brief's one-click buttons. The signed token is the authority (no sign-in needed): it names
// the reader, the insight and the choice. The page shows a button; this records the choice.

export async function recordBriefChoice(form: FormData): Promise<void> {
  const raw = String(form.get("t") ?? "");
  const token = verifyBriefToken(raw);
  if (!isBriefChoice(token)) {
    redirect(`/brief/act?${new URLSearchParams({ t: raw, error: "1" })}`);
  }
  await applyBriefChoice(token);
  redirect(`/brief/act?${new URLSearchParams({ t: raw, done: "1" })}`);
}

/** The email's "Change how often" page: the token names the reader; the form says how often. */
export async function changeBriefCadence(form: FormData): Promise<void> {
  const t = String(form.get("t") ?? "");
  const page = `/brief/cadence?${new URLSearchParams({ t })}`;
  const result = await changeCadenceFromEmail({
    t,
    fields: { briefCadence: form.get("briefCadence"), briefWeekday: form.get("briefWeekday") },
  });
  if (!result.ok) redirect(withFlash(page, "error", result.message));
  redirect(`${page}&done=1`);
}
