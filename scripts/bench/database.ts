// The database a bench works in: PostgreSQL from DATABASE_URL, created when missing, and only
// ever one named *bench*: a bench truncates and refills it.

/** The bench database's URL and name; throws unless DATABASE_URL names a *bench* database. */
export async function benchDatabase(script: string): Promise<{ url: URL; name: string }> {
  const { env } = await import("@/lib/env");
  if (!env.DATABASE_URL) throw new Error(`${script} needs DATABASE_URL (use npm run ${script})`);
  const url = new URL(env.DATABASE_URL);
  const name = decodeURIComponent(url.pathname.slice(1));
  // The bench empties and refills its database: never let it near a real one.
  if (!name.includes("bench")) {
    throw new Error(`${script} runs only on a database named *bench* (DATABASE_URL has ${name})`);
  }
  await ensureDatabase(url, name);
  return { url, name };
}

/** Creates the bench database through the maintenance database when it is missing. */
async function ensureDatabase(url: URL, name: string): Promise<void> {
  const { default: postgres } = await import("postgres");
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = postgres(admin.href, { max: 1, connect_timeout: 10, onnotice: () => {} });
  try {
    const found = await client`select 1 from pg_database where datname = ${name}`;
    if (found.length === 0) await client.unsafe(`create database "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end({ timeout: 5 });
  }
}
