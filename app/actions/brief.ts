"use server";

import { redirect } from "next/navigation";
import { isBriefChoice, verifyBriefToken } from "@/lib/brief/tokens";
import { recordEvent, saveInsight } from "@/lib/reader-changes";

// The brief's one-click buttons. The signed token is the authority (no sign-in needed): it names
// the reader, the insight and the choice. The page shows a button; this records the choice.

export async function recordBriefChoice(form: FormData): Promise<void> {
  const raw = String(form.get("t") ?? "");
  const token = verifyBriefToken(raw);
  if (!isBriefChoice(token)) {
    redirect(`/brief/act?${new URLSearchParams({ t: raw, error: "1" })}`);
  }
  const { userId, insightId, action } = token;
  if (action === "save") await saveInsight({ userId, insightId });
  else await recordEvent({ userId, insightId, kind: action, meta: { via: "brief" } });
  redirect(`/brief/act?${new URLSearchParams({ t: raw, done: "1" })}`);
}
