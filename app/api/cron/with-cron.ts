import { NextResponse } from "next/server";
import { isCronAuthorized } from "@/lib/cron-auth";

type Handler = (request: Request) => Promise<Response>;

/** Wraps a cron route: refuses anything without `Authorization: Bearer $CRON_SECRET`, before any work. */
export function withCron(handler: Handler): Handler {
  return async (request) => {
    if (!isCronAuthorized(request.headers.get("authorization"))) {
      return NextResponse.json({ error: "unauthorized" }, { status: 401 });
    }
    try {
      return await handler(request);
    } catch (error) {
      console.error(`cron ${new URL(request.url).pathname} failed`, error);
      return NextResponse.json({ error: "the run failed; see the server log" }, { status: 500 });
    }
  };
}
