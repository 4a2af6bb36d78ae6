import "server-only";
import { and, asc, isNotNull, ne } from "drizzle-orm";
import { getDb } from "../client";
import { podcasts } from "../schema";

/**
 * Every show with a name, as a filter offers it: id and name, in name order. A show not yet
 * checked has only its address, which may hold a reader's private token: it is not listed.
 */
export async function listShowChoices(): Promise<{ id: string; title: string }[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: podcasts.id, title: podcasts.title })
    .from(podcasts)
    .where(and(isNotNull(podcasts.title), ne(podcasts.title, "")))
    .orderBy(asc(podcasts.title));
  return rows.map((r) => ({ id: r.id, title: r.title ?? "" }));
}
