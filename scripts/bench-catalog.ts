// The bench catalog shared by bench:feed and bench:brief: a PostgreSQL database (named *bench*,
// from DATABASE_URL) seeded once with 100k insights and 10k readers with follows, saves and
// events; seeded again only when its counts are off or --reseed asks.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type CatalogSize, seedSteps } from "./bench/catalog-seed";
import { benchDatabase } from "./bench/database";

export const SIZE: CatalogSize = {
  podcasts: 200,
  episodes: 12_500,
  perEpisode: 8,
  readers: 10_000,
  clusters: 50,
};
export const INSIGHTS = SIZE.episodes * SIZE.perEpisode;

/** The bench database, created, migrated and seeded when needed. `script` names the npm script. */
export async function openBenchCatalog({
  script,
  reseed,
}: {
  script: string;
  reseed: boolean;
}): Promise<{ db: Db; name: string }> {
  const { name } = await benchDatabase(script);
  const { getDb, migrateDb, rowsOf } = await import("@/db/client");
  await migrateDb();
  const db = await getDb();

  const [counts] = rowsOf<{ insights: number; readers: number }>(
    await db.execute(sql`select (select count(*) from insights)::int as insights,
                                (select count(*) from profiles)::int as readers`),
  );
  if (reseed || counts?.insights !== INSIGHTS || counts?.readers !== SIZE.readers) {
    const started = performance.now();
    const took: string[] = [];
    const { TOPICS } = await import("@/lib/insights/topics");
    const [index] = rowsOf<{ def: string }>(
      await db.execute(sql`select indexdef as def from pg_indexes
                           where indexname = 'insights_embedding_idx'`),
    );
    if (!index) throw new Error("the migrations define no insights_embedding_idx");
    await db.transaction(async (tx) => {
      const steps = seedSteps(SIZE, JSON.stringify(TOPICS), index.def);
      for (const [label, statements] of Object.entries(steps)) {
        const t = performance.now();
        for (const statement of statements) await tx.execute(statement);
        took.push(`${label} ${((performance.now() - t) / 1000).toFixed(1)}s`);
      }
    });
    const t = performance.now();
    await db.execute(sql`vacuum analyze`);
    took.push(`vacuum analyze ${((performance.now() - t) / 1000).toFixed(1)}s`);
    console.info(`seeded ${name} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    console.info(`  ${took.join(", ")}`);
  } else {
    console.info(`${name} already seeded (${INSIGHTS} insights, ${SIZE.readers} readers)`);
  }
  return { db, name };
}

/** "Now" is just after the newest insight, so a catalog seeded days ago measures like a fresh one. */
export async function catalogNow(db: Db): Promise<Date> {
  const { rowsOf } = await import("@/db/client");
  const [latest] = rowsOf<{ at: string | Date }>(
    await db.execute(sql`select max(created_at) as at from insights`),
  );
  return new Date(new Date(latest?.at ?? Date.now()).getTime() + 1000);
}
