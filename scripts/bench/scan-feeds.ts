// The catalog bench:scan serves: which host holds each show, how big its full feed is, and how
// it answers the measured check. Drawn from a seeded generator, so every run serves the same.
import type { FeedKind, FeedSpec } from "../bench-scan-hosts";

const SIZE_BYTES = { min: 5 * 1024, median: 100 * 1024, max: 4 * 1024 * 1024, sigma: 1.3 };
const KINDS: [FeedKind, number][] = [
  ["unchanged", 0.8],
  ["changed", 0.15],
  ["server_error", 0.015],
  ["rate_limited", 0.01],
  ["stalls", 0.015],
  ["not_a_feed", 0.01],
];

/** `count` feeds on `hostCount` hosts, the first hosts holding the most. */
export function benchFeeds(count: number, hostCount: number): FeedSpec[] {
  const random = seeded(20_261_123);
  return Array.from({ length: count }, () => ({
    // u^1.5 leans towards the first hosts: the biggest holds ~2 % of the shows, the median a few.
    host: Math.min(hostCount - 1, Math.floor(hostCount * random() ** 1.5)),
    bytes: feedSize(random),
    kind: pick(random),
  }));
}

function feedSize(random: () => number): number {
  // Box–Muller: a normal deviate from two uniform ones.
  const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const bytes = SIZE_BYTES.median * Math.exp(SIZE_BYTES.sigma * normal);
  return Math.round(Math.min(SIZE_BYTES.max, Math.max(SIZE_BYTES.min, bytes)));
}

function pick(random: () => number): FeedKind {
  let r = random();
  for (const [kind, share] of KINDS) {
    if (r < share) return kind;
    r -= share;
  }
  return "unchanged";
}

/** A small seeded generator (mulberry32), so every run serves the same catalog. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
