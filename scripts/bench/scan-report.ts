// What bench:scan prints: the catalog it served, each slice, the rate of feed checks and the
// goals, from what the hosts saw and what the ingest slices reported.
import type { IngestSummary } from "@/lib/ingest/run";
import type { FeedSpec, HostStats } from "../bench-scan-hosts";
import { quantile as at, printVerdicts } from "./report";

const GOAL_PER_HOUR = 20_000;

export type ScanResult = {
  feeds: FeedSpec[];
  hostCount: number;
  concurrency: number;
  sliceMs: number;
  slices: { ms: number; summary: IngestSummary }[];
  wallMs: number;
  cpuMs: number;
  stats: HostStats;
  faults: Map<string, number>;
  state: { checked: number; putOff: number; due: number };
};

export function report(result: ScanResult): void {
  printCatalog(result);
  const perHour = printRates(result);
  const { stats } = result;
  printVerdicts([
    [
      perHour >= GOAL_PER_HOUR,
      `${Math.round(perHour).toLocaleString("en")} feed checks an hour (goal ≥ ${GOAL_PER_HOUR.toLocaleString("en")})`,
    ],
    [stats.maxPerHost <= 1, `at most ${stats.maxPerHost} request at once per host (goal 1)`],
  ]);
}

/** The catalog served: hosts and shows, feed sizes, the hosts' answers and each slice. */
function printCatalog({ feeds, hostCount, concurrency, sliceMs, slices, stats }: ScanResult): void {
  const perHost = new Map<number, number>();
  for (const feed of feeds) perHost.set(feed.host, (perHost.get(feed.host) ?? 0) + 1);
  const shows = [...perHost.values()].sort((a, b) => a - b);
  const bodies = [...stats.bodies].sort((a, b) => a - b);
  console.info(
    `bench:scan: ${feeds.length} feeds on ${hostCount} loopback hosts (${perHost.size} with shows: ` +
      `median ${at(shows, 0.5)}, most ${at(shows, 1)} shows), ${concurrency} checks at once, ` +
      `${sliceMs / 1000} s slices`,
  );
  const sizes = feeds.map((feed) => feed.bytes).sort((a, b) => a - b);
  console.info(
    `feed sizes: median ${kb(at(sizes, 0.5))}, p95 ${kb(at(sizes, 0.95))}, largest ${kb(at(sizes, 1))}; ` +
      `full feeds sent in the measured pass: ${bodies.length}, median ${kb(at(bodies, 0.5))}, ` +
      `largest ${kb(at(bodies, 1))}`,
  );
  console.info(`host answers: ${list(Object.entries(stats.answers))}`);
  for (const [i, { ms, summary: s }] of slices.entries()) {
    console.info(
      `  slice ${i + 1}: ${(ms / 1000).toFixed(1)} s, ${s.feedsChecked} checked (${s.notModified} not modified, ` +
        `${s.feedsFailed} failed), ${s.deferred} put off, ${s.transcripts} transcripts` +
        `${s.outOfTime ? ", out of time" : ""}`,
    );
  }
}

/** The totals and rates; returns the feed checks an hour. */
function printRates(result: ScanResult): number {
  const { feeds, sliceMs, slices, wallMs, cpuMs, stats, faults, state } = result;
  const checks = slices.reduce((n, s) => n + s.summary.feedsChecked, 0);
  const sum = (key: "deferred" | "transcripts" | "newEpisodes") =>
    slices.reduce((n, s) => n + s.summary[key], 0);
  const perMinute = checks / (wallMs / 60_000);
  const perHour = perMinute * 60;
  const slowest = Math.max(0, ...slices.map((s) => s.ms));
  console.info(
    `feeds checked: ${state.checked} of ${feeds.length}; put off because the host asked to wait: ` +
      `${state.putOff}; still due: ${state.due}`,
  );
  console.info(`slices: ${slices.length}, wall time ${(wallMs / 1000).toFixed(1)} s`);
  console.info(
    `feed checks: ${checks} = ${Math.round(perMinute)} per minute, ${Math.round(perHour).toLocaleString("en")} per hour`,
  );
  console.info(
    `CPU per check: ${(cpuMs / Math.max(1, checks)).toFixed(1)} ms (this process: fetch, parse, ` +
      `store, transcripts; not the hosts' process, not PostgreSQL)`,
  );
  console.info(`slowest slice: ${(slowest / 1000).toFixed(1)} s (budget ${sliceMs / 1000} s)`);
  console.info(
    `most requests in flight on one host: ${stats.maxPerHost}; on all hosts at once: ${stats.maxTotal}`,
  );
  console.info(`failed checks by kind: ${list(faults)}`);
  console.info(`new episodes: ${sum("newEpisodes")}, transcripts made: ${sum("transcripts")}\n`);
  return perHour;
}

function list(entries: Iterable<[string, number]>): string {
  return [...entries].map(([kind, n]) => `${kind} ${n}`).join(", ") || "none";
}

function kb(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.round(bytes / 1024)} KB`;
}
