import { readerRoute } from "@/app/api/reader-route";
import { currentReader } from "@/lib/session";

/** Wraps a route handler of the signed-in reader's (app/api/reader-route.ts says how). */
export const withReader = readerRoute(currentReader);
