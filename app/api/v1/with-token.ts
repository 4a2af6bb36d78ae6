import type { z } from "zod";
import { type ReaderRequest, readerRoute } from "@/app/api/reader-route";
import type { ActionResult } from "@/lib/actions/reader-action";
import type { ApiRoute } from "@/lib/api/routes";
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

/**
 * An /api/v1 route from its entry in lib/api/routes: the entry's schemas parse the input, and
 * the handler's answer must have the entry's response shape (the OpenAPI document's).
 */
export function apiRoute<R extends ApiRoute>(
  route: R,
  handler: (input: ReaderRequest<R>) => Promise<z.output<R["response"]> | Response>,
) {
  return withTokenReader(route, handler);
}

/** An action's data, or its refusal thrown as the AppError it was (a 400 or 404 here). */
export function acted<T>(result: ActionResult<T>): T {
  if (result.ok) return result.data;
  throw new AppError(result.error.code, result.error.message);
}
