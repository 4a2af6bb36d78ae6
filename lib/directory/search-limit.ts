import { hitRateLimit } from "@/db/queries/rate-limits";
import { AppError } from "@/lib/errors";

// As-you-type search asks the directory on every pause in typing: a reader gets plenty, a script
// looping on the endpoint does not get to use Podbrief as its free directory proxy.

export const SHOW_SEARCH_LIMIT = { limit: 60, windowSeconds: 60 };

export async function checkShowSearchLimit({ userId }: { userId: string }): Promise<void> {
  const hit = await hitRateLimit({ key: `show-search:${userId}`, ...SHOW_SEARCH_LIMIT });
  if (hit.allowed) return;
  throw new AppError(
    "rate_limited:show-search",
    `Too many searches in a minute. Try again in ${hit.retryAfterSeconds} seconds.`,
    { retryAfterSeconds: hit.retryAfterSeconds },
  );
}
