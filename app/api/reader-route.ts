import { NextResponse } from "next/server";
import type { z } from "zod";
import { AppError, publicError } from "@/lib/errors";
import type { Reader } from "@/lib/session";
import { issueMessage, parseParams } from "@/lib/views/params";

// withReader (app/api/with-reader.ts) wraps a route handler the signed-in reader calls, and
// withTokenReader (app/api/v1/with-token.ts) one a reader's program calls with an API token: no
// reader is a 401, the query, path parameters and JSON body are parsed by zod before the handler
// runs, and every failure is answered as { error: { code, message } } with its status (400, 401, 404, 429; 500 for a bug,
// whose details go to the log only). The handler returns a Response, or data sent as JSON.

type Schemas = { query?: z.ZodType; params?: z.ZodType; body?: z.ZodType };
type Parsed<S extends Schemas, K extends keyof Schemas> = S[K] extends z.ZodType
  ? z.output<S[K]>
  : undefined;

export type ReaderRequest<S extends Schemas> = {
  request: Request;
  reader: Reader;
  query: Parsed<S, "query">;
  params: Parsed<S, "params">;
  body: Parsed<S, "body">;
};

type RouteContext = { params?: Promise<Record<string, string | string[] | undefined>> };
type Route = (request: Request, context?: RouteContext) => Promise<Response>;

/** The JSON answer for a failure: our own message and status, or a generic one (logged). */
export function errorResponse(error: unknown, doing: string): Response {
  const { code, message } = publicError(error, doing);
  const status = error instanceof AppError ? error.status : 500;
  const headers = new Headers();
  if (error instanceof AppError && error.retryAfterSeconds !== undefined) {
    headers.set("retry-after", String(error.retryAfterSeconds));
  }
  // A token's refusal says how to authenticate, as HTTP asks of a 401.
  if (error instanceof AppError && error.code === "unauthorized" && error.subject === "token") {
    headers.set("www-authenticate", 'Bearer realm="podbrief"');
  }
  return NextResponse.json({ error: { code, message } }, { status, headers });
}

async function jsonBody(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new AppError("bad_request", "The body is not JSON.");
  }
}

function parseBody<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AppError("bad_request", issueMessage(parsed.error));
  return parsed.data;
}

/**
 * withReader with the reader found by `resolve` from the request: the session's, a bearer
 * token's, or in tests one of their own. `resolve` may throw an AppError (a 401 that says
 * more, a 429).
 */
export function readerRoute(resolve: (request: Request) => Promise<Reader | null>) {
  return function withReader<S extends Schemas>(
    schemas: S,
    handler: (input: ReaderRequest<S>) => Promise<unknown>,
  ): Route {
    return async (request, context) => {
      const doing = `answering ${new URL(request.url).pathname}`;
      try {
        const reader = await resolve(request);
        if (!reader) throw new AppError("unauthorized");
        const url = new URL(request.url);
        const input = {
          request,
          reader,
          query: schemas.query ? parseParams(schemas.query, url.searchParams) : undefined,
          params: schemas.params
            ? parseParams(schemas.params, (await context?.params) ?? {})
            : undefined,
          body: schemas.body ? parseBody(schemas.body, await jsonBody(request)) : undefined,
        } as ReaderRequest<S>;
        const result = await handler(input);
        return result instanceof Response ? result : NextResponse.json(result);
      } catch (error) {
        return errorResponse(error, doing);
      }
    };
  };
}
