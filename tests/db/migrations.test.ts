import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { availableMigrations, dbKind, getDb, migrateDb, rowsOf } from "@/db/client";
import { appliedMigrations } from "@/db/queries/health";

describe("migrations", () => {
  it("records every committed migration as applied", async () => {
    expect(availableMigrations()).toBeGreaterThanOrEqual(2);
    expect(await appliedMigrations()).toBe(availableMigrations());
  });

  it("apply again without changing anything", async () => {
    await migrateDb();
    expect(await appliedMigrations()).toBe(availableMigrations());
  });

  it("create every table of the data model, pgvector included", async () => {
    const db = await getDb();
    const tables = rowsOf<{ name: string }>(
      await db.execute(
        sql`select table_name as name from information_schema.tables where table_schema = 'public' order by 1`,
      ),
    ).map((r) => r.name);
    expect(tables).toEqual(
      expect.arrayContaining([
        "podcasts",
        "episodes",
        "transcripts",
        "insights",
        "topics",
        "insight_topics",
        "users",
        "accounts",
        "sessions",
        "verification_tokens",
        "profiles",
        "follows",
        "saves",
        "tags",
        "save_tags",
        "events",
        "briefs",
        "brief_items",
        "outbox",
      ]),
    );
    const extensions = rowsOf<{ extname: string }>(
      await db.execute(sql`select extname from pg_extension where extname = 'vector'`),
    );
    expect(extensions).toHaveLength(1);
  });

  it("index insights for cosine search (HNSW) and full text (GIN)", async () => {
    const db = await getDb();
    const indexes = rowsOf<{ indexdef: string }>(
      await db.execute(sql`select indexdef from pg_indexes where tablename = 'insights'`),
    ).map((r) => r.indexdef);
    expect(indexes.some((d) => /USING hnsw \(embedding vector_cosine_ops\)/.test(d))).toBe(true);
    expect(indexes.some((d) => /USING gin \(search_vector\)/.test(d))).toBe(true);
  });

  it("run on the database this tier was asked for", async () => {
    const db = await getDb();
    const [row] = rowsOf<{ version: string }>(await db.execute(sql`select version()`));
    console.info(`db tier database: ${dbKind()} — ${row?.version.split(",")[0]}`);
    expect(dbKind()).toBe(process.env.TEST_DATABASE_URL ? "postgres" : "pglite");
  });
});
