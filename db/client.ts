import { rmSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { readMigrationFiles } from "drizzle-orm/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { env } from "@/lib/env";
import * as schema from "./schema";

// One database handle per process. DATABASE_URL set → PostgreSQL through postgres.js;
// unset → embedded PGlite (with pgvector) in PGLITE_DIR, created and migrated on first use.
// db/ reads only lib/env.ts, a leaf module, so the arrows app → lib → db stay one-way.

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DbKind = "pglite" | "postgres";

type Handle = { db: Db; kind: DbKind; close: () => Promise<void> };

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

// Kept on globalThis: Next.js may load this module more than once in one process (instrumentation,
// route bundles, hot reload), and two PGlite instances on one directory would corrupt it.
const globalForDb = globalThis as typeof globalThis & { __podbriefDb?: Promise<Handle> };

export function dbKind(): DbKind {
  return env.DATABASE_URL ? "postgres" : "pglite";
}

export async function getDb(): Promise<Db> {
  return (await handle()).db;
}

function handle(): Promise<Handle> {
  globalForDb.__podbriefDb ??= open().catch((error: unknown) => {
    globalForDb.__podbriefDb = undefined;
    throw error;
  });
  return globalForDb.__podbriefDb;
}

async function open(): Promise<Handle> {
  if (env.DATABASE_URL) return openPostgres(env.DATABASE_URL);
  return openPglite(env.PGLITE_DIR);
}

/** Connects to PostgreSQL and checks the connection; exported for the test of its errors. */
export async function openPostgres(url: string): Promise<Handle> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const client = postgres(url, { max: 10, connect_timeout: 10, onnotice: () => {} });
  try {
    await client`select 1`;
  } catch (error) {
    await client.end({ timeout: 1 });
    throw new DatabaseUnavailableError(describeConnectionError(error, url));
  }
  return {
    db: drizzle({ client, schema }),
    kind: "postgres",
    close: () => client.end({ timeout: 5 }),
  };
}

/** Opens (creating and migrating) the embedded database; exported for the test of its lock. */
export async function openPglite(dir: string): Promise<Handle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { vector } = await import("@electric-sql/pglite-pgvector");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const inMemory = dir.startsWith("memory://");
  const dataDir = inMemory ? dir : path.resolve(dir);
  let unlock = async () => {};
  if (!inMemory) {
    await mkdir(dataDir, { recursive: true });
    unlock = await lockDataDir(dataDir, dir);
  }
  try {
    const client = await PGlite.create({ dataDir, extensions: { vector } });
    const db = drizzle({ client, schema });
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    return { db, kind: "pglite", close: () => client.close().finally(unlock) };
  } catch (error) {
    await unlock();
    throw error;
  }
}

/**
 * PGlite is one process's database: a second process opening the same directory would corrupt it.
 * A lock file holding the owner's pid makes the second one stop with a clear line instead.
 */
async function lockDataDir(dataDir: string, shownAs: string): Promise<() => Promise<void>> {
  const lockPath = path.join(dataDir, "podbrief.lock");
  try {
    await writeFile(lockPath, String(process.pid), { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const owner = Number((await readFile(lockPath, "utf8").catch(() => "")).trim());
    if (owner !== process.pid && isRunning(owner)) {
      throw new DatabaseBusyError(
        `the embedded database in ${shownAs} is in use by process ${owner} (the web server?): stop it first, or let the running server do the work (stale? delete ${lockPath})`,
      );
    }
    await writeFile(lockPath, String(process.pid)); // the previous owner is gone
  }
  const release = () => rmSync(lockPath, { force: true });
  process.once("exit", release);
  return async () => {
    process.off("exit", release);
    release();
  };
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Applies every pending migration to the configured database. */
export async function migrateDb(): Promise<void> {
  const { db, kind } = await handle();
  if (kind === "pglite") return; // migrated when opened
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  // postgres-js and PGlite databases share PgDatabase; the migrator only needs that surface.
  await migrate(db as Parameters<typeof migrate>[0], { migrationsFolder: MIGRATIONS_FOLDER });
}

export async function closeDb(): Promise<void> {
  const pending = globalForDb.__podbriefDb;
  globalForDb.__podbriefDb = undefined;
  if (pending) await (await pending).close();
}

/** Rows of a raw `db.execute` result: postgres.js returns an array, PGlite `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

export function availableMigrations(): number {
  return readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).length;
}

export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
}

export class DatabaseBusyError extends Error {
  override name = "DatabaseBusyError";
}

function describeConnectionError(error: unknown, url: string): string {
  const { hostname, port, pathname } = new URL(url);
  const where = `${hostname}:${port || "5432"}${pathname}`;
  const code = (error as { code?: string }).code;
  const reason =
    code === "ECONNREFUSED"
      ? "connection refused"
      : code === "ENOTFOUND"
        ? "host not found"
        : code === "3D000"
          ? "database does not exist"
          : code === "28P01" || code === "28000"
            ? "authentication failed"
            : error instanceof Error
              ? (error.message.split("\n")[0] ?? error.name)
              : String(error);
  return `DATABASE_URL: cannot connect to ${where} (${reason})`;
}
