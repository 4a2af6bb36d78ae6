import { listShowChoices } from "@/db/queries/choices";
import { listInsights } from "@/db/queries/insights";
import { listTopics } from "@/db/queries/topics";

// Lists every page shows to everyone (the feed's topic and show filters, the landing page's newest
// insights), read once a minute per server process rather than on every request: something new
// shows up within a minute, or at once when this process stored it (forgetSharedLists).

const FRESH_MS = 60_000;

const kept = new Set<{ forget: () => void }>();

export const topicChoices = keptFor(FRESH_MS, listTopics);
export const showChoices = keptFor(FRESH_MS, listShowChoices);
export const newestInsights = keptFor(FRESH_MS, () => listInsights({ limit: 3 }));

/** Reads the lists again on next use (after something in this process changed them). */
export function forgetSharedLists(): void {
  for (const list of kept) list.forget();
}

function keptFor<T>(ms: number, load: () => Promise<T>): () => Promise<T> {
  let last: { at: number; value: Promise<T> } | null = null;
  kept.add({ forget: () => (last = null) });
  return () => {
    if (!last || Date.now() - last.at > ms) {
      const value = load();
      last = { at: Date.now(), value };
      // A failed read is not kept: the next request tries again.
      value.catch(() => {
        if (last?.value === value) last = null;
      });
    }
    return last.value;
  };
}
