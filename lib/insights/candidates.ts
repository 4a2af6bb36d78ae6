import type { GroundedQuote } from "./grounding";

/** An insight before it is stored: grounded in the transcript, scored and tagged. */
export type Candidate = {
  headline: string;
  body: string;
  grounded: GroundedQuote;
  score: number;
  topics: string[];
};

const MAX_INSIGHTS = 8;

/**
 * The best insights of an episode: one per quote, the highest quality first up to MAX_INSIGHTS,
 * then back in the order they were said.
 */
export function selectBest(candidates: Candidate[], max = MAX_INSIGHTS): Candidate[] {
  const seen = new Set<string>();
  const unique = candidates.filter((c) => {
    const key = c.grounded.text.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return [...unique]
    .sort((a, b) => b.score - a.score || a.grounded.segmentIndex - b.grounded.segmentIndex)
    .slice(0, max)
    .sort((a, b) => a.grounded.segmentIndex - b.grounded.segmentIndex);
}
