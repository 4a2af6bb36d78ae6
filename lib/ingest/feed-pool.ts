import { claimDueFeeds, deferFeeds, releaseFeeds } from "@/db/queries/feeds";
import type { Podcast } from "@/db/schema";
import { checkFeed, type FeedOutcome } from "./check-feed";
import { hostBusy, hostOf } from "./host-turns";

// The feed half of an ingest run: due feeds are claimed at most a pool's worth at a time (the
// leases keep runs on other machines off them) and checked side by side, never two at once on one
// host. A host that asks for a pause, or stops answering, is left alone for the rest of the run;
// the other hosts' feeds go on.

/**
 * Feed checks in flight at once. A check mostly waits on a remote host (0.2–1.5 s, a slow one up to
 * the fetch timeout), so throughput grows with the pool: on 2 cores `npm run bench:scan` measured
 * about 55,000 checks an hour with 16, 73,000 with 24 and 84,000 with 32, using a third of a core.
 * 24 keeps over three times the goal of 20,000 an hour when hosts are slower than the bench's, while
 * the bodies held at once (at worst 24 × the 15 MB feed limit) fit a serverless function.
 */
export const FEED_CONCURRENCY = 24;

export type FeedPoolOptions = {
  now: () => Date;
  leaseSeconds: number;
  /** Check exactly these shows, due or not. */
  podcastIds?: string[];
  concurrency: number;
  /** The run's deadline: no check starts after it, and a check still fetching stores nothing. */
  signal: AbortSignal;
  onOutcome: (outcome: FeedOutcome) => void;
};

export type FeedPoolResult = {
  /** Shows asked for by id that another run holds. */
  busyElsewhere: number;
  /** Feeds claimed but not tried, because their host asked for a pause or stopped answering. */
  deferred: number;
};

/** Host trouble seen in this run: until when a host asked us to wait, or null to leave it be. */
type Pause = { until: Date; reason: string } | null;

export async function checkFeedsInPool({
  now,
  leaseSeconds,
  podcastIds,
  concurrency,
  signal: deadline,
  onOutcome,
}: FeedPoolOptions): Promise<FeedPoolResult> {
  // A check failing in a way no feed explains (the database gone) stops the others too.
  const halt = new AbortController();
  const signal = AbortSignal.any([deadline, halt.signal]);
  const stopped = new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener("abort", () => resolve(), { once: true });
  });

  const waiting: Podcast[] = [];
  const running = new Set<Promise<void>>();
  /** Hosts of the checks started since the loop last waited, whose turns may not be taken yet. */
  const justStarted = new Set<string>();
  const paused = new Map<string, Pause>();
  /** Claimed but not checked: their leases are given up when the run ends, so they stay due. */
  const leftDue: string[] = [];
  let remaining = podcastIds;
  let exhausted = false;
  const result: FeedPoolResult = { busyElsewhere: 0, deferred: 0 };

  // The host turns (fetch-document.ts) keep requests polite whatever starts; this only keeps a
  // check from taking a place in the pool to wait for a host that is busy. A check holds its host
  // only while fetching from it, so a feed redirected elsewhere frees its own host for the next.
  const canStart = (feed: Podcast) => {
    const host = hostOf(feed.feedUrl);
    return !justStarted.has(host) && !hostBusy(host);
  };

  /** Takes the waiting feeds of paused hosts out: deferred to when the host said, or left due. */
  const setAside = async () => {
    const deferrals = new Map<string, string[]>();
    for (const feed of [...waiting]) {
      const host = hostOf(feed.feedUrl);
      if (!paused.has(host)) continue;
      waiting.splice(waiting.indexOf(feed), 1);
      result.deferred++;
      if (paused.get(host)) deferrals.set(host, [...(deferrals.get(host) ?? []), feed.id]);
      else leftDue.push(feed.id);
    }
    for (const [host, ids] of deferrals) {
      const pause = paused.get(host);
      if (pause) await deferFeeds({ podcastIds: ids, until: pause.until, reason: pause.reason });
    }
  };

  const pauseFor = async (outcome: FeedOutcome) => {
    const fault = outcome.fault;
    if (fault?.code === "rate_limited") {
      const reason = `not checked: ${outcome.error ?? `${fault.host} asked us to wait`}`;
      paused.set(fault.host, { until: fault.nextCheckAt, reason });
    } else if (fault?.code === "timeout") {
      paused.set(fault.host, null);
    } else {
      return;
    }
    await setAside();
  };

  const start = (feed: Podcast) => {
    waiting.splice(waiting.indexOf(feed), 1);
    justStarted.add(hostOf(feed.feedUrl));
    const task = (async () => {
      try {
        const outcome = await checkFeed(feed, now(), { signal });
        onOutcome(outcome);
        await pauseFor(outcome);
      } catch (error) {
        if (signal.aborted) leftDue.push(feed.id);
        else halt.abort(error);
      }
    })().finally(() => running.delete(task));
    running.add(task);
  };

  const claim = async (limit: number) => {
    const claimed = await claimDueFeeds({ now: now(), limit, leaseSeconds, ids: remaining });
    if (remaining) {
      const got = new Set(claimed.map((feed) => feed.id));
      remaining = remaining.filter((id) => !got.has(id));
    }
    // Fewer than asked for: nothing else is due, or (shows asked for by id) the rest are leased.
    if (claimed.length < limit || remaining?.length === 0) {
      exhausted = true;
      result.busyElsewhere = remaining?.length ?? 0;
    }
    waiting.push(...claimed);
    await setAside();
  };

  try {
    while (!signal.aborted) {
      const startable = waiting.filter(canStart).length;
      if (!exhausted && waiting.length < concurrency && startable < concurrency - running.size) {
        await claim(concurrency - waiting.length);
        continue;
      }
      for (let feed = waiting.find(canStart); feed && running.size < concurrency; ) {
        start(feed);
        feed = waiting.find(canStart);
      }
      if (running.size === 0) {
        if (waiting.length === 0) break;
        // Every waiting host is busy with requests not ours (a transcript, another run in this
        // process): one check waits for its turn rather than none being made.
        const first = waiting[0];
        if (first) start(first);
      }
      justStarted.clear();
      await Promise.race([...running, stopped]);
    }
  } catch (error) {
    halt.abort(error);
  } finally {
    await Promise.allSettled(running);
    leftDue.push(...waiting.splice(0).map((feed) => feed.id));
    await releaseFeeds({ podcastIds: leftDue });
  }
  if (halt.signal.aborted) throw halt.signal.reason;
  return result;
}
