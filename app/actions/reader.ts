"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { feedbackAction } from "@/lib/actions/feedback";
import {
  addTagAction,
  createTagAction,
  deleteTagAction,
  noteAction,
  removeTagAction,
  renameTagAction,
  saveAction,
  unsaveAction,
} from "@/lib/actions/library";
import {
  addShowAction,
  followAction,
  resetFeedTokenAction,
  saveSettingsAction,
} from "@/lib/actions/profile";
import type { ActionResult, ReaderAction } from "@/lib/actions/reader-action";
import { withFlash } from "@/lib/flash";
import { safeLocalPath } from "@/lib/safe-path";
import { currentReader } from "@/lib/session";

// Server actions: each runs the wrapped action from lib/actions for the signed-in reader. Forms
// post FormData (they work without JavaScript); client code may post plain objects.

async function run<T>(action: ReaderAction<T>, raw: unknown): Promise<ActionResult<T>> {
  const result = await action(await currentReader(), raw);
  // Every reader page is rendered per request; this clears the client's cached copies.
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function save(raw: unknown) {
  return run(saveAction, raw);
}
export async function unsave(raw: unknown) {
  return run(unsaveAction, raw);
}
export async function setNote(raw: unknown) {
  return run(noteAction, raw);
}
export async function addTag(raw: unknown) {
  return run(addTagAction, raw);
}
export async function removeTag(raw: unknown) {
  return run(removeTagAction, raw);
}
export async function createTag(raw: unknown) {
  return run(createTagAction, raw);
}
export async function renameTag(raw: unknown) {
  return run(renameTagAction, raw);
}
export async function deleteTag(raw: unknown) {
  return run(deleteTagAction, raw);
}
export async function feedback(raw: unknown) {
  return run(feedbackAction, raw);
}
export async function saveSettings(raw: unknown) {
  return run(saveSettingsAction, raw);
}
export async function follow(raw: unknown) {
  return run(followAction, raw);
}
export async function addShowByUrl(raw: unknown) {
  return run(addShowAction, raw);
}
export async function resetFeedToken(raw: unknown) {
  return run(resetFeedTokenAction, raw);
}

/** Where a form goes back to: a path on this site only. */
function backTo(form: FormData, fallback: string): string {
  return safeLocalPath(form.get("next"), fallback);
}

/** The onboarding and settings form: saves, then goes on (or back with the error). */
export async function saveSettingsForm(form: FormData): Promise<void> {
  const result = await run(saveSettingsAction, form);
  if (!result.ok) redirect(withFlash(backTo(form, "/settings"), "error", result.error.message));
  redirect(form.get("onboarding") ? "/feed" : withFlash(backTo(form, "/settings"), "saved", "1"));
}

/** Adds a show by its feed address and follows it; the page says it is queued. */
export async function addShowForm(form: FormData): Promise<void> {
  const result = await run(addShowAction, form);
  const back = backTo(form, "/settings");
  if (!result.ok) redirect(withFlash(back, "error", result.error.message));
  redirect(withFlash(back, "saved", "show-queued"));
}

/** Tag and library forms that report an error back on the page they came from. */
export async function libraryForm(form: FormData): Promise<void> {
  const actions = {
    addTag: addTagAction,
    removeTag: removeTagAction,
    note: noteAction,
    createTag: createTagAction,
    renameTag: renameTagAction,
    deleteTag: deleteTagAction,
  } as const;
  const name = String(form.get("intent") ?? "") as keyof typeof actions;
  const action = actions[name];
  const back = backTo(form, "/saved");
  if (!action) redirect(withFlash(back, "error", "Unknown request."));
  const result = await run(action as ReaderAction<unknown>, form);
  if (!result.ok) redirect(withFlash(back, "error", result.error.message));
  redirect(back);
}

/** The buttons on an insight card: save, unsave, more / less like this, dismiss. */
export async function cardForm(form: FormData): Promise<void> {
  const intent = String(form.get("intent") ?? "");
  const result =
    intent === "save"
      ? await run(saveAction, form)
      : intent === "unsave"
        ? await run(unsaveAction, form)
        : await run(feedbackAction, { insightId: form.get("insightId"), kind: intent });
  if (!result.ok) redirect(withFlash(backTo(form, "/feed"), "error", result.error.message));
  // Back to the page as the reader left it (the feed's keep=1 holds its order).
  redirect(backTo(form, "/feed"));
}

/** Follow / unfollow buttons in the shows list. */
export async function followForm(form: FormData): Promise<void> {
  const result = await run(followAction, form);
  if (!result.ok) redirect(withFlash(backTo(form, "/settings"), "error", result.error.message));
}

/** "Make a new private feed address" on /saved. */
export async function resetFeedTokenForm(): Promise<void> {
  const result = await run(resetFeedTokenAction, {});
  if (!result.ok) redirect(withFlash("/saved", "error", result.error.message));
}
