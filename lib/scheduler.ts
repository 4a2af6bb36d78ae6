import { runBriefs } from "@/lib/brief/run";
import { runIngest } from "@/lib/ingest/run";
import { runSummarize } from "@/lib/insights/run";

// With the embedded database one process owns PGlite, so nothing else can run the cron routes'
// work: the web server runs the same time-boxed slices itself, on a timer.

const EVERY_MS = 15 * 60 * 1000;
const SLICE_MS = 60 * 1000;

const globalForScheduler = globalThis as typeof globalThis & {
  __podbriefScheduler?: NodeJS.Timeout;
};

export function startEmbeddedScheduler(): void {
  if (globalForScheduler.__podbriefScheduler) return;
  let running = false;
  const timer = setInterval(async () => {
    if (running) return; // a slow slice is never overlapped by the next one
    running = true;
    try {
      const ingest = await runIngest({ budgetMs: SLICE_MS });
      if (ingest.feedsChecked > 0 || ingest.transcripts > 0) {
        console.info(
          `podbrief: ingest checked ${ingest.feedsChecked} feeds, ${ingest.newEpisodes} new episodes, ${ingest.transcripts} transcripts, ${ingest.errors.length} errors`,
        );
      }
      const summarize = await runSummarize({ budgetMs: SLICE_MS });
      if (summarize.episodes > 0) {
        console.info(
          `podbrief: summarized ${summarize.episodes} episodes into ${summarize.insights} insights, ${summarize.errors.length} errors`,
        );
      }
      const brief = await runBriefs({ budgetMs: SLICE_MS });
      if (brief.due > 0 || brief.sent > 0 || brief.stopped) {
        console.info(
          `podbrief: briefs: ${brief.due} due, ${brief.sent} sent, ${brief.skipped.length} skipped, ${brief.failed.length} failed${brief.stopped ? ` (stopped: ${brief.stopped})` : ""}`,
        );
      }
    } catch (error) {
      console.error("podbrief: a scheduled run failed", error);
    } finally {
      running = false;
    }
  }, EVERY_MS);
  timer.unref();
  globalForScheduler.__podbriefScheduler = timer;
}
