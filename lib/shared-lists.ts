import "server-only";
import { listShowChoices } from "@/db/queries/choices";
import { listInsights } from "@/db/queries/insights";
import { listTopics } from "@/db/queries/topics";

// Lists every page shows to everyone (the feed's topic and show filters, the landing page's newest
// insights), read once a minute per server process rather than on every request: something new
// shows up within a minute, or at once when this process stored it (forgetSharedLists).

const FRESH_MS = 60_000;

// On globalThis: route handlers and pages are bundled apart, each with its own copy of this
// module, and a cron route's refresh must reach the lists the pages use.
const globalForLists = globalThis as typeof globalThis & {
  __podbriefSharedLists?: Map<string, { at: number; value: Promise<unknown> }>;
};
globalForLists.__podbriefSharedLists ??= new Map();
const kept = globalForLists.__podbriefSharedLists;

export const topicChoices = keptFor("topics", listTopics);
export const showChoices = keptFor("shows", listShowChoices);
export const newestInsights = keptFor("newest", () => listInsights({ limit: 3 }));

/** Reads the lists again on next use (after something in this process changed them). */
export function forgetSharedLists(): void {
  kept.clear();
}

function keptFor<T>(name: string, load: () => Promise<T>): () => Promise<T> {
  return () => {
    const last = kept.get(name);
    if (last && Date.now() - last.at <= FRESH_MS) return last.value as Promise<T>;
    const value = load();
    kept.set(name, { at: Date.now(), value });
    // A failed read is not kept: the next request tries again.
    value.catch(() => {
      if (kept.get(name)?.value === value) kept.delete(name);
    });
    return value;
  };
}
