import { hitRateLimit } from "@/db/queries/rate-limits";

// As-you-type search asks the directory on every pause in typing: a reader gets plenty, a script
// looping on the endpoint does not get to use Podbrief as its free directory proxy.

export const SHOW_SEARCH_LIMIT = { limit: 60, windowSeconds: 60 };

/** Counts one directory search by the reader; the sentence to show when over the limit, else null. */
export async function showSearchRefusal({ userId }: { userId: string }): Promise<string | null> {
  const hit = await hitRateLimit({ key: `show-search:${userId}`, ...SHOW_SEARCH_LIMIT });
  if (hit.allowed) return null;
  return `Too many searches in a minute: the podcast directory can be searched again in ${hit.retryAfterSeconds} seconds.`;
}
