import { readdir } from "node:fs/promises";
import path from "node:path";
import { countPodcasts } from "@/db/queries/catalog";
import { holdChecks, moveEpisodesForward } from "@/db/queries/podcast-feeds";
import { addShow } from "@/lib/ingest/add-show";
import { runIngest } from "@/lib/ingest/run";
import { runSummarize } from "@/lib/insights/run";

// Gives a fresh install a living feed offline: the demo shows' feed files (lib/demo/feeds: real
// Changelog episodes, transcripts CC BY-SA 4.0) go through the real pipeline — ingest,
// transcripts, offline summarize — like any show would.

export const DEMO_FEEDS_DIR = path.join(process.cwd(), "lib", "demo", "feeds");

const HOUR_MS = 60 * 60 * 1000;
/** Demo shows have nothing new to offer: their files are not re-read on a schedule. */
const NEVER = new Date("9999-12-31T00:00:00Z");

export type DemoLoadResult = { podcasts: number; episodes: number; insights: number };

/** Loads the demo catalog when the database has no shows yet. Returns null when it did nothing. */
export async function ensureDemoContent({ now = new Date() } = {}): Promise<DemoLoadResult | null> {
  if ((await countPodcasts()) > 0) return null;
  return loadDemoCatalog({ now });
}

export async function loadDemoCatalog({ now = new Date() } = {}): Promise<DemoLoadResult> {
  const files = (await readdir(DEMO_FEEDS_DIR)).filter((file) => file.endsWith(".xml")).sort();
  const podcastIds: string[] = [];
  for (const file of files) {
    const show = await addShow({ url: path.join(DEMO_FEEDS_DIR, file), allowLocalFile: true });
    podcastIds.push(show.id);
  }
  // The pipeline runs on the real clock (its work units are due "now"); `now` only dates the demo.
  const ingest = await runIngest({ podcastIds, budgetMs: 120_000 });
  const summarize = await runSummarize({ budgetMs: 120_000 });
  const problems = [
    ...ingest.errors.map((e) => e.reason),
    ...summarize.errors.map((e) => e.reason),
  ];
  if (problems.length > 0)
    throw new Error(`the demo catalog did not load cleanly: ${problems.join("; ")}`);
  // The files carry fixed dates; a demo should look like this week's episodes.
  await moveEpisodesForward({ podcastIds, newestAt: new Date(now.getTime() - 2 * HOUR_MS) });
  await holdChecks({ podcastIds, until: NEVER });
  return {
    podcasts: podcastIds.length,
    episodes: ingest.newEpisodes,
    insights: summarize.insights,
  };
}
