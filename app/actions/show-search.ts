"use server";

import { revalidatePath } from "next/cache";
import { importOpmlAction, OPML_MAX_BYTES } from "@/lib/actions/opml";
import { addShowAction, followAction } from "@/lib/actions/profile";
import type { ActionResult } from "@/lib/actions/reader-action";
import { currentReader } from "@/lib/session";

// The show search's buttons and the OPML upload: each answers in words beside what was pressed
// (useActionState), with JavaScript or without it.

export type SearchActionState = { ok: boolean; message: string; followed?: boolean } | null;

function answer<T>(result: ActionResult<T>, done: (data: T) => string): SearchActionState {
  if (!result.ok) return { ok: false, message: result.error.message };
  // Every reader page is rendered per request; this clears the client's cached copies.
  revalidatePath("/", "layout");
  return { ok: true, message: done(result.data) };
}

/** "Add and follow" on a directory result: the show is read, stored and followed. */
export async function addFromSearch(
  _state: SearchActionState,
  form: FormData,
): Promise<SearchActionState> {
  const result = await addShowAction(await currentReader(), { url: form.get("url") ?? "" });
  return answer(result, (data) =>
    data.created
      ? "Added and followed. Its insights appear after its next scan."
      : "Followed: this show was already in Podbrief.",
  );
}

/** Follow / unfollow on a catalog result. */
export async function followFromSearch(
  _state: SearchActionState,
  form: FormData,
): Promise<SearchActionState> {
  const result = await followAction(await currentReader(), {
    podcastId: form.get("podcastId") ?? "",
    follow: form.get("follow") ?? "",
  });
  const state = answer(result, (data) => (data.follow ? "Following." : "Unfollowed."));
  return result.ok && state ? { ...state, followed: result.data.follow } : state;
}

/** The OPML upload: every show in the file added and followed, and what could not be. */
export async function importOpml(
  _state: SearchActionState,
  form: FormData,
): Promise<SearchActionState> {
  const file = form.get("opml");
  if (!(file instanceof File) || file.size === 0) {
    return { ok: false, message: "Choose an OPML file to upload." };
  }
  if (file.size > OPML_MAX_BYTES) {
    return {
      ok: false,
      message: "That file is larger than 1 MB; an OPML list of shows is far smaller.",
    };
  }
  const result = await importOpmlAction(await currentReader(), { opml: await file.text() });
  return answer(result, (data) => data.message);
}
