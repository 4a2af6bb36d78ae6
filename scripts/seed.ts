// npm run seed — load the demo catalog into the configured database when it has no shows yet.
import { runCli } from "./cli";

await runCli(async () => {
  const { migrateDb } = await import("@/db/client");
  const { ensureDemoContent } = await import("@/lib/demo/load");
  await migrateDb();
  const loaded = await ensureDemoContent();
  console.info(
    loaded
      ? `podbrief: demo catalog loaded (${loaded.podcasts} shows, ${loaded.episodes} episodes, ${loaded.insights} insights)`
      : "podbrief: the database already has shows; demo catalog not loaded",
  );
});
