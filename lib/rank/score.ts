import type { FeedCandidateRow } from "@/db/queries/feed-candidates";

// How much one recent insight is worth to one reader, and the one-line reason it is shown.
// Plain, tested arithmetic: every signal is a number in [0, 1] times a weight.

/** A recent insight with the numbers it is ranked by (from db/queries/feed-candidates). */
export type Candidate = Omit<FeedCandidateRow, "textRank" | "duplicates"> & {
  /** Insights on other shows that make the same point. */
  duplicates?: FeedCandidateRow["duplicates"];
};

export type Taste = {
  followedTopics: ReadonlySet<string>;
  /** Similarity below which two insights have nothing in common (lib/insights/similarity). */
  relatedFloor: number;
  now: Date;
};

export const WEIGHTS = {
  topic: 1.0,
  extraTopic: 0.2,
  show: 0.9,
  interests: 1.2,
  saved: 1.2,
  more: 1.0,
  less: -2.5,
  quality: 0.6,
  freshness: 0.8,
} as const;

/** Half-life-like decay of freshness, in hours. */
const FRESHNESS_HOURS = 72;

type Signal = { weight: number; reason: string | null };

/** Similarity turned into a strength in [0, 1]: 0 at the "related" floor, 1 at three times it. */
export function strength(similarity: number | null, floor: number): number {
  if (similarity === null || Number.isNaN(similarity)) return 0;
  return Math.min(1, Math.max(0, (similarity - floor) / (2 * floor)));
}

function signals(c: Candidate, taste: Taste): Signal[] {
  const matched = c.topics.filter((t) => taste.followedTopics.has(t.slug));
  const ageHours = Math.max(0, (taste.now.getTime() - c.createdAt.getTime()) / 3_600_000);
  const floor = taste.relatedFloor;
  return [
    {
      weight: matched.length ? WEIGHTS.topic + WEIGHTS.extraTopic * (matched.length - 1) : 0,
      reason: matched[0] ? `Because you follow ${matched[0].label}` : null,
    },
    {
      weight: c.followedShow ? WEIGHTS.show : 0,
      reason: `From ${c.podcastTitle}, which you follow`,
    },
    {
      weight: WEIGHTS.saved * strength(c.savedSimilarity, floor),
      reason: "Like insights you saved",
    },
    {
      weight: WEIGHTS.interests * strength(c.interestSimilarity, floor),
      reason: "Matches your interests",
    },
    {
      weight: WEIGHTS.more * strength(c.moreSimilarity, floor),
      reason: "More like what you asked for",
    },
    { weight: WEIGHTS.less * strength(c.lessSimilarity, floor), reason: null },
    { weight: WEIGHTS.quality * Math.min(1, Math.max(0, c.quality)), reason: null },
    { weight: WEIGHTS.freshness * Math.exp(-ageHours / FRESHNESS_HOURS), reason: null },
  ];
}

export type Scored = Candidate & { score: number; reason: string };

export function scoreCandidate(c: Candidate, taste: Taste): Scored {
  const all = signals(c, taste);
  const score = all.reduce((sum, s) => sum + s.weight, 0);
  // The reason is the personal signal that added the most (a followed topic outweighs a show).
  const personal = all
    .filter((s) => s.reason !== null && s.weight > 0)
    .sort((a, b) => b.weight - a.weight);
  const reason = personal[0]?.reason ?? `New from ${c.podcastTitle}`;
  return { ...c, score, reason };
}
