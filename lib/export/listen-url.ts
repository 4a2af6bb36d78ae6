import type { SavedInsight } from "@/lib/export/types";
import { listenHref } from "@/lib/listen";

type ListenSource = Pick<SavedInsight, "audioUrl" | "episodeUrl" | "quoteStartS">;

/** Where to hear a saved quote (lib/listen's rule, on an export's fields). */
export function listenUrl(item: ListenSource): string | null {
  return listenHref({ audioUrl: item.audioUrl, link: item.episodeUrl }, item.quoteStartS);
}
