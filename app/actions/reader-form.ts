import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formFields, type ReaderAction } from "@/lib/actions/reader-action";
import { withFlash } from "@/lib/flash";
import { safeLocalPath } from "@/lib/safe-path";
import { currentReader } from "@/lib/session";

// One form, one server action: the reader action from lib/actions (session, zod, scoping) run for
// the signed-in reader on the posted fields, then back to the page the form came from, with the
// error in words when it failed. Plain <form action={…}> posts: they work without JavaScript.

type Options<T> = {
  /** Where the form goes back to when it names no page of this site in `next`. */
  back: string;
  /** Fields the button itself stands for (the kind of feedback), never read from the post. */
  fields?: Record<string, string>;
  /**
   * Where a success goes: back (the default), a place of its own, or "stay" (no redirect: the
   * page the form is on renders again).
   */
  done?: "back" | "stay" | ((back: string, form: FormData) => string);
  /** Runs on success, before the redirect, with the action's data (a new token's secret). */
  after?: (data: T) => Promise<void>;
};

export function readerForm<T>(action: ReaderAction<T>, options: Options<T>) {
  const { fields, done = "back", after } = options;
  return async (form: FormData): Promise<void> => {
    const back = safeLocalPath(form.get("next"), options.back);
    const result = await action(await currentReader(), { ...formFields(form), ...fields });
    if (!result.ok) redirect(withFlash(back, "error", result.error.message));
    await after?.(result.data);
    // Every reader page is rendered per request; this clears the client's cached copies.
    revalidatePath("/", "layout");
    if (done !== "stay") redirect(done === "back" ? back : done(back, form));
  };
}
