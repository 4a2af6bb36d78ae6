import type { PoolSizes } from "@/db/queries/feed-candidates";

// How many insights each branch of a reader's candidate pool draws (db/queries/feed-candidates and
// db/queries/brief-candidates run the branches): newest of followed shows, newest of followed
// topics, nearest to their taste among the newest `recent`, and best overall. A wider pool finds
// more for the reader and costs the feed query time (bench:feed); the brief shows five, so it
// draws a quarter of each.

export const FEED_POOL: PoolSizes = {
  followed: 150,
  topics: 120,
  recent: 1500,
  taste: 100,
  best: 100,
};

const BRIEF_SHARE = 0.25;

export const BRIEF_POOL: PoolSizes = {
  followed: briefShare(FEED_POOL.followed),
  topics: briefShare(FEED_POOL.topics),
  recent: briefShare(FEED_POOL.recent),
  taste: briefShare(FEED_POOL.taste),
  best: briefShare(FEED_POOL.best),
};

function briefShare(rows: number): number {
  return Math.max(10, Math.round(rows * BRIEF_SHARE));
}

/** The weekly brief shows ten of a week's insights: it draws half of each branch. */
export const WEEKLY_BRIEF_POOL: PoolSizes = {
  followed: Math.round(FEED_POOL.followed / 2),
  topics: Math.round(FEED_POOL.topics / 2),
  recent: Math.round(FEED_POOL.recent / 2),
  taste: Math.round(FEED_POOL.taste / 2),
  best: Math.round(FEED_POOL.best / 2),
};
