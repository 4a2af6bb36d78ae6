import { readerRoute } from "@/app/api/reader-route";
import { API_LIMIT, type ApiLimit, checkApiLimit } from "@/lib/api-limits";
import { readerFromBearer } from "@/lib/api-tokens";
import { AppError } from "@/lib/errors";

// The reader behind `Authorization: Bearer pb_…` (a token made on /settings or by
// `npm run token`), held to the per-token rate limit before any work is done.

const NO_TOKEN =
  "Send a live API token as `Authorization: Bearer pb_…` (make one on /settings; a revoked token no longer works).";

/** withReader for the API, with the limits given (tests pass a tiny one). */
export function tokenReaderRoute(limits: ApiLimit) {
  return readerRoute(async (request) => {
    const reader = await readerFromBearer(request.headers);
    if (!reader) throw new AppError("unauthorized:token", NO_TOKEN);
    await checkApiLimit({ tokenId: reader.tokenId, limits });
    return reader;
  });
}

/** Wraps an /api/v1 route handler (app/api/reader-route.ts says how). */
export const withTokenReader = tokenReaderRoute(API_LIMIT);
