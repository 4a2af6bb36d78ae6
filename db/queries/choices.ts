import "server-only";
import { asc } from "drizzle-orm";
import { getDb } from "../client";
import { podcasts } from "../schema";

/** Every show, as a filter offers it: id and name only, in name order. */
export async function listShowChoices(): Promise<{ id: string; title: string }[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: podcasts.id, title: podcasts.title, feedUrl: podcasts.feedUrl })
    .from(podcasts)
    .orderBy(asc(podcasts.title));
  return rows.map((r) => ({ id: r.id, title: r.title || r.feedUrl }));
}
