import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { claimDueFeeds } from "@/db/queries/podcast-feeds";
import { episodes, podcasts } from "@/db/schema";
import { addShow } from "@/lib/ingest/add-show";
import { runIngest } from "@/lib/ingest/run";
import { type FeedServer, rssFeed, startFeedServer } from "../support/feed-server";

// Checking many feeds in one slice: side by side across hosts, one request at a time per host, a
// host that asks for a pause left alone, and a slice out of time storing nothing half-way.
// Each loopback address is its own host (all of 127.0.0.0/8 answers on Linux).

let hosts: FeedServer[] = [];
beforeAll(async () => {
  hosts = await Promise.all(
    ["127.0.0.2", "127.0.0.3", "127.0.0.4"].map((host) => startFeedServer({ host })),
  );
});
afterAll(async () => {
  await Promise.all(hosts.map((host) => host.close()));
});

const host = (i: number) => {
  const server = hosts[i];
  if (!server) throw new Error(`no test host ${i}`);
  return server;
};

let run = 0;
const feedBody = (title: string) =>
  rssFeed({ title, items: [{ guid: `${title}-1`, title: `${title}, episode 1` }] });

/** Slow answers in flight now, over all hosts, and the most there were at once. */
const slow = { now: 0, most: 0 };

/** A feed that answers after `delayMs`. */
function slowFeed(server: FeedServer, path: string, delayMs: number) {
  const body = feedBody(path);
  server.route(path, (_req, res) => {
    slow.now++;
    slow.most = Math.max(slow.most, slow.now);
    setTimeout(() => {
      slow.now--;
      res.writeHead(200, { "content-type": "application/rss+xml" }).end(body);
    }, delayMs);
  });
}

async function podcastRows(ids: string[]) {
  const db = await getDb();
  return db.select().from(podcasts).where(inArray(podcasts.id, ids));
}

describe("a slice over many feeds", () => {
  it("checks feeds on several hosts side by side, never two requests at once on one host", async () => {
    run++;
    const delay = 400;
    const shows: string[] = [];
    // First due: a feed on the first host that moved to the second. Its second hop comes while the
    // second host is busy with its own feeds, and waits for that host's turn.
    const moved = `/moved-${run}.xml`;
    slowFeed(host(1), moved, delay);
    host(0).route(`/moving-${run}.xml`, (_req, res) =>
      res.writeHead(302, { location: host(1).url(moved) }).end(),
    );
    shows.push((await addShow({ url: host(0).url(`/moving-${run}.xml`) })).id);
    for (let h = 0; h < 3; h++) {
      for (let f = 0; f < 3; f++) {
        const path = `/side-${run}-${h}-${f}.xml`;
        slowFeed(host(h), path, delay);
        shows.push((await addShow({ url: host(h).url(path) })).id);
      }
    }
    const before = hosts.map((h) => h.totalHits());

    const started = performance.now();
    let feedsTook = 0; // until the last feed's check, leaving out the transcripts made after it
    const summary = await runIngest({
      onProgress: (event) => {
        if (event.stage === "feed") feedsTook = performance.now() - started;
      },
    });

    expect(summary).toMatchObject({ feedsChecked: 10, feedsFailed: 0, newEpisodes: 10 });
    expect(hosts.map((h, i) => h.totalHits() - (before[i] ?? 0))).toEqual([4, 4, 3]);
    for (const h of hosts) expect(h.maxInFlight()).toBe(1);
    expect(slow.most).toBe(3); // every host at once
    // One feed after another would take at least 10 × 400 ms; the busiest host alone takes 4 × 400.
    expect(feedsTook).toBeLessThan(10 * delay * 0.75);
    const rows = await podcastRows(shows);
    expect(rows.every((row) => row.checkedAt !== null && row.leaseUntil === null)).toBe(true);
  });

  it("leaves a host that answers 429 alone for as long as it asks; the other hosts go on", async () => {
    run++;
    const limited: string[] = [];
    for (let f = 0; f < 3; f++) {
      const path = `/limited-${run}-${f}.xml`;
      host(0).route(path, (_req, res) => res.writeHead(429, { "retry-after": "3600" }).end());
      limited.push((await addShow({ url: host(0).url(path) })).id);
    }
    const fine: string[] = [];
    for (let f = 0; f < 3; f++) {
      const path = `/fine-${run}-${f}.xml`;
      slowFeed(host(1), path, 100);
      fine.push((await addShow({ url: host(1).url(path) })).id);
    }
    const before = host(0).totalHits();

    const summary = await runIngest();

    expect(host(0).totalHits() - before).toBe(1);
    expect(summary).toMatchObject({ feedsChecked: 4, feedsFailed: 1, deferred: 2, newEpisodes: 3 });
    const rows = await podcastRows(limited);
    const asked = rows.find((row) => row.errorCount === 1);
    const putOff = rows.filter((row) => row.errorCount === 0);
    expect(putOff).toHaveLength(2);
    for (const row of putOff) {
      expect(row.checkedAt).toBeNull();
      expect(row.leaseUntil).toBeNull();
      expect(row.lastError).toMatch(/^not checked: 127\.0\.0\.2.*HTTP 429.*3600 s/);
      const wait = row.nextCheckAt.getTime() - (asked?.checkedAt?.getTime() ?? 0);
      expect(wait).toBe(3600_000);
    }
    expect((await podcastRows(fine)).every((row) => row.errorCount === 0 && row.checkedAt)).toBe(
      true,
    );
    expect(await claimDueFeeds({ now: new Date(), limit: 10, leaseSeconds: 60 })).toEqual([]);
  });

  it("out of time, a slice stops its checks before they store anything and leaves them due", async () => {
    run++;
    const shows: string[] = [];
    for (let h = 0; h < 3; h++) {
      // Half a feed at once, the rest too late: the slice ends while the body is being read.
      const path = `/late-${run}-${h}.xml`;
      const body = feedBody(path);
      host(h).route(path, (_req, res) => {
        res.writeHead(200, { "content-type": "application/rss+xml" });
        res.write(body.slice(0, body.length / 2));
        setTimeout(() => res.end(body.slice(body.length / 2)), 1500);
      });
      shows.push((await addShow({ url: host(h).url(path) })).id);
    }

    const started = performance.now();
    const summary = await runIngest({ budgetMs: 300 });
    const took = performance.now() - started;

    expect(summary).toMatchObject({ feedsChecked: 0, newEpisodes: 0, outOfTime: true });
    expect(took).toBeLessThan(1200);
    const db = await getDb();
    expect(await db.select().from(episodes).where(inArray(episodes.podcastId, shows))).toEqual([]);
    for (const row of await podcastRows(shows)) {
      expect(row).toMatchObject({
        checkedAt: null,
        etag: null,
        title: "",
        errorCount: 0,
        lastError: null,
        leaseUntil: null,
      });
    }
    // Still due: the next slice with the time to wait for them stores them whole.
    const next = await runIngest();
    expect(next).toMatchObject({ feedsChecked: 3, newEpisodes: 3, outOfTime: false });
    const [first] = shows;
    const [stored] = await db
      .select()
      .from(podcasts)
      .where(eq(podcasts.id, first as string));
    expect(stored?.checkedAt).not.toBeNull();
  });
});
