import { revalidatePath } from "next/cache";
import { forgetSharedLists } from "@/lib/shared-lists";

// The pages under app/public are rendered once and served from Next's cache to every signed-out
// visitor. Whatever stores what they show (insights, a new show) calls this from its request;
// runs outside a request (the embedded scheduler, the CLI) are covered by the pages' five-minute
// time bound. A failed refresh keeps the last good pages, and says why.

export function refreshPublicPages(why: string): void {
  forgetSharedLists();
  try {
    revalidatePath("/public", "layout");
  } catch (error) {
    console.warn(
      `podbrief: the public pages were not refreshed after ${why}; they will be within five minutes`,
      error,
    );
  }
}
