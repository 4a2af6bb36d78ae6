// npm run ingest -- [--feed <url|file> ...] [--opml <file>] [--export-opml]
// Adds the given shows, then checks them (or, with no argument, every due show) and fetches new
// episodes' transcripts. Exits non-zero only when nothing at all could be done.
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { runCli } from "./cli";
import { progressBar } from "./progress";

await runCli(async () => {
  const { values } = parseArgs({
    options: {
      feed: { type: "string", multiple: true },
      opml: { type: "string" },
      "export-opml": { type: "boolean" },
      budget: { type: "string" },
    },
  });
  const { addShow } = await import("@/lib/ingest/add-show");
  const { didNothing, runIngest } = await import("@/lib/ingest/run");
  const { formatIngestSummary } = await import("@/lib/ingest/format-summary");

  if (values["export-opml"]) {
    const { listPodcastsWithCounts } = await import("@/db/queries/podcast-feeds");
    const { buildOpml } = await import("@/lib/ingest/opml");
    process.stdout.write(buildOpml(await listPodcastsWithCounts()));
    return;
  }

  // A feed file named on the command line may be local; OPML entries come from someone else's app.
  const urls = (values.feed ?? []).map((url) => ({ url, allowLocalFile: true }));
  if (values.opml) {
    const { parseOpml } = await import("@/lib/ingest/opml");
    for (const url of parseOpml(await readFile(values.opml, "utf8")))
      urls.push({ url, allowLocalFile: false });
  }
  const ids: string[] = [];
  const refused: string[] = [];
  for (const { url, allowLocalFile } of urls) {
    try {
      const show = await addShow({ url, allowLocalFile });
      ids.push(show.id);
      if (show.created) console.info(`added ${show.feedUrl}`);
    } catch (error) {
      refused.push(`${url}: ${(error as Error).message}`);
    }
  }
  for (const line of refused) console.error(`not added: ${line}`);
  if (urls.length > 0 && ids.length === 0) {
    process.exitCode = 1;
    return;
  }

  const bar = progressBar("ingest");
  if (ids.length > 0) bar.grow(ids.length);
  const summary = await runIngest({
    podcastIds: ids.length > 0 ? ids : undefined,
    budgetMs: values.budget ? Number(values.budget) * 1000 : 10 * 60 * 1000,
    onProgress: (event) => {
      bar.tick(event.stage === "feed" ? event.outcome.feedUrl : "transcript");
    },
  });
  bar.end();
  console.info(formatIngestSummary(summary));
  // An episode without notes is reported, not a failure of the run: only a run in which no
  // feed could be read, or all were another run's, exits non-zero.
  if (didNothing(summary)) process.exitCode = 1;
});
