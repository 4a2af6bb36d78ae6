import "server-only";
import { sql } from "drizzle-orm";
import { getDb, rowsOf } from "../client";

/** How many migrations the database has recorded as applied (0 before the first). */
export async function appliedMigrations(): Promise<number> {
  const db = await getDb();
  const exists = rowsOf<{ present: boolean }>(
    await db.execute(
      sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
    ),
  );
  if (!exists[0]?.present) return 0;
  const rows = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`),
  );
  return rows[0]?.n ?? 0;
}
