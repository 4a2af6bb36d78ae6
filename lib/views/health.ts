import "server-only";
import { availableMigrations, dbKind } from "@/db/client";
import { appliedMigrations } from "@/db/queries/health";

// GET /api/health: is the database reachable and fully migrated?

export type Health = { ok: boolean; db: ReturnType<typeof dbKind>; migrations: number | null };

export async function readHealth(): Promise<Health> {
  const db = dbKind();
  try {
    const migrations = await appliedMigrations();
    return { ok: migrations >= availableMigrations(), db, migrations };
  } catch (error) {
    console.error("health check failed", error);
    return { ok: false, db, migrations: null };
  }
}
