"use server";

import { redirect } from "next/navigation";
import { applyBriefChoice } from "@/lib/actions/email-links";
import { isBriefChoice, verifyBriefToken } from "@/lib/brief/tokens";

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
