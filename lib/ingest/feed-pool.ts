import { claimDueFeeds, deferFeeds, releaseFeeds } from "@/db/queries/podcast-feeds";
import type { Podcast } from "@/db/schema";
import { LEASE_SECONDS } from "@/lib/work/units";
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

export async function checkFeedsInPool(options: FeedPoolOptions): Promise<FeedPoolResult> {
  return new FeedPool(options).run();
}

/** One run's pool: the feeds claimed and waiting, the checks running, the hosts paused. */
class FeedPool {
  private readonly options: FeedPoolOptions;
  /** A check failing in a way no feed explains (the database gone) stops the others too. */
  private readonly halt = new AbortController();
  private readonly signal: AbortSignal;
  private readonly stopped: Promise<void>;
  private readonly waiting: Podcast[] = [];
  private readonly running = new Set<Promise<void>>();
  /** Hosts of the checks started since the loop last waited, whose turns may not be taken yet. */
  private readonly justStarted = new Set<string>();
  private readonly paused = new Map<string, Pause>();
  /** Claimed but not checked: their leases are given up when the run ends, so they stay due. */
  private readonly leftDue: string[] = [];
  private remaining: string[] | undefined;
  private exhausted = false;
  private readonly result: FeedPoolResult = { busyElsewhere: 0, deferred: 0 };

  constructor(options: FeedPoolOptions) {
    this.options = options;
    this.remaining = options.podcastIds;
    const signal = AbortSignal.any([options.signal, this.halt.signal]);
    this.signal = signal;
    this.stopped = new Promise<void>((resolve) => {
      if (signal.aborted) resolve();
      else signal.addEventListener("abort", () => resolve(), { once: true });
    });
  }

  async run(): Promise<FeedPoolResult> {
    const { concurrency } = this.options;
    const { waiting, running } = this;
    try {
      while (!this.signal.aborted) {
        const startable = waiting.filter(this.canStart).length;
        if (
          !this.exhausted &&
          waiting.length < concurrency &&
          startable < concurrency - running.size
        ) {
          await this.claim(concurrency - waiting.length);
          continue;
        }
        for (let feed = waiting.find(this.canStart); feed && running.size < concurrency; ) {
          this.start(feed);
          feed = waiting.find(this.canStart);
        }
        if (running.size === 0) {
          if (waiting.length === 0) break;
          // Every waiting host is busy with requests not ours (a transcript, another run in this
          // process): one check waits for its turn rather than none being made.
          const first = waiting[0];
          if (first) this.start(first);
        }
        this.justStarted.clear();
        await Promise.race([...running, this.stopped]);
      }
    } catch (error) {
      this.halt.abort(error);
    } finally {
      await Promise.allSettled(running);
      this.leftDue.push(...waiting.splice(0).map((feed) => feed.id));
      await releaseFeeds({ podcastIds: this.leftDue });
    }
    if (this.halt.signal.aborted) throw this.halt.signal.reason;
    return this.result;
  }

  // The host turns (fetch-document.ts) keep requests polite whatever starts; this only keeps a
  // check from taking a place in the pool to wait for a host that is busy. A check holds its host
  // only while fetching from it, so a feed redirected elsewhere frees its own host for the next.
  private readonly canStart = (feed: Podcast): boolean => {
    const host = hostOf(feed.feedUrl);
    return !this.justStarted.has(host) && !hostBusy(host);
  };

  private async claim(limit: number): Promise<void> {
    const claimed = await claimDueFeeds({
      now: this.options.now(),
      limit,
      leaseSeconds: LEASE_SECONDS.feed,
      ids: this.remaining,
    });
    if (this.remaining) {
      const got = new Set(claimed.map((feed) => feed.id));
      this.remaining = this.remaining.filter((id) => !got.has(id));
    }
    // Fewer than asked for: nothing else is due, or (shows asked for by id) the rest are leased.
    if (claimed.length < limit || this.remaining?.length === 0) {
      this.exhausted = true;
      this.result.busyElsewhere = this.remaining?.length ?? 0;
    }
    this.waiting.push(...claimed);
    await this.setAside();
  }

  private start(feed: Podcast): void {
    this.waiting.splice(this.waiting.indexOf(feed), 1);
    this.justStarted.add(hostOf(feed.feedUrl));
    const task = (async () => {
      try {
        const outcome = await checkFeed(feed, this.options.now(), { signal: this.signal });
        this.options.onOutcome(outcome);
        await this.pauseFor(outcome);
      } catch (error) {
        if (this.signal.aborted) this.leftDue.push(feed.id);
        else this.halt.abort(error);
      }
    })().finally(() => this.running.delete(task));
    this.running.add(task);
  }

  private async pauseFor(outcome: FeedOutcome): Promise<void> {
    const fault = outcome.fault;
    if (fault?.code === "rate_limited") {
      const reason = `not checked: ${outcome.error ?? `${fault.host} asked us to wait`}`;
      this.paused.set(fault.host, { until: fault.nextCheckAt, reason });
    } else if (fault?.code === "timeout") {
      this.paused.set(fault.host, null);
    } else {
      return;
    }
    await this.setAside();
  }

  /** Takes the waiting feeds of paused hosts out: deferred to when the host said, or left due. */
  private async setAside(): Promise<void> {
    const deferrals = new Map<string, string[]>();
    for (const feed of [...this.waiting]) {
      const host = hostOf(feed.feedUrl);
      if (!this.paused.has(host)) continue;
      this.waiting.splice(this.waiting.indexOf(feed), 1);
      this.result.deferred++;
      if (this.paused.get(host)) deferrals.set(host, [...(deferrals.get(host) ?? []), feed.id]);
      else this.leftDue.push(feed.id);
    }
    for (const [host, ids] of deferrals) {
      const pause = this.paused.get(host);
      if (pause) await deferFeeds({ podcastIds: ids, until: pause.until, reason: pause.reason });
    }
  }
}
