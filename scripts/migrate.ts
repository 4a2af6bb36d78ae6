// npm run db:migrate — apply pending migrations to DATABASE_URL (or the embedded database).
import { runCli } from "./cli";

await runCli(async () => {
  const { availableMigrations, dbKind, migrateDb } = await import("@/db/client");
  const { appliedMigrations } = await import("@/db/queries/health");
  await migrateDb();
  console.info(
    `podbrief: ${dbKind()} database migrated (${await appliedMigrations()} of ${availableMigrations()} migrations applied)`,
  );
});
