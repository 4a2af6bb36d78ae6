import { hitRateLimit } from "@/db/queries/rate-limits";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

// How often a reader's program may call the API (and the MCP server): per token, counted in
// PostgreSQL so every app instance sees the same count. 120 a minute unless
// API_REQUESTS_PER_MINUTE says otherwise (bench:http raises it to measure the API, not the limit).

export type ApiLimit = { limit: number; windowSeconds: number };

export const API_LIMIT: ApiLimit = { limit: env.API_REQUESTS_PER_MINUTE, windowSeconds: 60 };

/** Counts one request of the token; past the limit, throws rate_limited with Retry-After. */
export async function checkApiLimit({
  tokenId,
  limits = API_LIMIT,
  now,
}: {
  tokenId: string;
  limits?: ApiLimit;
  now?: Date;
}): Promise<void> {
  const hit = await hitRateLimit({ key: `api:${tokenId}`, ...limits, now });
  if (hit.allowed) return;
  throw new AppError(
    "rate_limited:api",
    `More than ${limits.limit} requests in ${limits.windowSeconds} seconds with this token. Try again in ${hit.retryAfterSeconds} seconds.`,
    { retryAfterSeconds: hit.retryAfterSeconds },
  );
}
