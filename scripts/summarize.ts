// npm run summarize -- [--episode ID] [--limit N]
// Turns transcribed episodes (or one given episode) into insights. Exits non-zero only when
// nothing at all could be done.
import { parseArgs } from "node:util";
import { runCli } from "./cli";
import { progressBar } from "./progress";

await runCli(async () => {
  const { values } = parseArgs({
    options: { episode: { type: "string" }, limit: { type: "string" }, budget: { type: "string" } },
  });
  const { runSummarize } = await import("@/lib/insights/run");
  const bar = progressBar("summarize");
  const summary = await runSummarize({
    episodeId: values.episode,
    limit: values.limit ? Number(values.limit) : undefined,
    budgetMs: values.budget ? Number(values.budget) * 1000 : 10 * 60 * 1000,
    onProgress: (outcome) => bar.tick(`${outcome.insights} insights`),
  });
  bar.end();
  console.info(
    `episodes: ${summary.episodes}, insights: ${summary.insights}, ungrounded and dropped: ${summary.ungrounded}`,
  );
  console.info(`errors: ${summary.errors.length}`);
  for (const e of summary.errors) console.info(`  episode ${e.episodeId}: ${e.reason}`);
  if (values.episode && summary.episodes === 0) {
    console.error(`podbrief: episode ${values.episode} was not found, or another worker holds it`);
    process.exitCode = 1;
  } else if (summary.episodes > 0 && summary.errors.length === summary.episodes) {
    process.exitCode = 1;
  }
});
