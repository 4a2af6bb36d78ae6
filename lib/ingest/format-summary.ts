import type { IngestSummary } from "./run";

/** The end-of-run report the CLI prints, one fact per line. */
export function formatIngestSummary(summary: IngestSummary): string {
  const lines = [
    `feeds checked: ${summary.feedsChecked} (${summary.notModified} not modified, ${summary.feedsFailed} failed)`,
    ...(summary.busyElsewhere > 0
      ? [
          `skipped: ${summary.busyElsewhere} show${summary.busyElsewhere === 1 ? "" : "s"} another run is checking right now (try again when it is done)`,
        ]
      : []),
    ...(summary.deferred > 0
      ? [
          `put off: ${summary.deferred} feed${summary.deferred === 1 ? "" : "s"} whose host asked for a pause or stopped answering (checked in a later run)`,
        ]
      : []),
    `new episodes: ${summary.newEpisodes}, updated: ${summary.updatedEpisodes}`,
    `transcripts: ${summary.transcripts}`,
    `errors: ${summary.errors.length}`,
    ...summary.errors.map((e) => `  ${e.url}: ${e.reason}`),
  ];
  if (summary.outOfTime) lines.push("time budget used up: the rest is left for the next run");
  return lines.join("\n");
}
