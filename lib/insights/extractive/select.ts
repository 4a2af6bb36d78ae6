import type { Passage } from "./body";
import { cosine, type Vector } from "./textrank";

// Choosing which candidates become insights: maximal marginal relevance, so the list doesn't
// say one thing three times or quote three neighbouring sentences, and spreads over the episode.

export type Candidate = { index: number; score: number; vector: Vector; passage: Passage };

export type SelectOptions = {
  min: number;
  max: number;
  /** How many the episode deserves by its length; quality can stop short of it, never past max. */
  target: number;
  sentenceCount: number;
};

// Above this, two sentences are saying the same thing in the same words.
const DUPLICATE = 0.45;
const REDUNDANCY_WEIGHT = 1.2;
const PROXIMITY_WEIGHT = 0.6;
// Past the minimum, a candidate this much weaker than the best pick isn't worth a listener's time.
const RELATIVE_FLOOR = 0.5;
const ABSOLUTE_FLOOR = 0.6;

export function selectDiverse(
  candidates: readonly Candidate[],
  options: SelectOptions,
): Candidate[] {
  const pool = [...candidates].sort((a, b) => b.score - a.score || a.index - b.index);
  const top = pool[0]?.score ?? 0;
  const floor = Math.max(ABSOLUTE_FLOOR, top * RELATIVE_FLOOR);
  // Picks closer than this (in sentences) feel like the same moment of the episode.
  const spread = Math.max(4, options.sentenceCount / (Math.max(options.target, 1) * 2));
  const selected: Candidate[] = [];
  const limit = Math.min(options.max, Math.max(options.target, options.min));

  while (selected.length < limit) {
    let best: { candidate: Candidate; value: number } | null = null;
    for (const candidate of pool) {
      if (selected.length >= options.min && candidate.score < floor) continue;
      if (selected.includes(candidate) || clashes(candidate, selected)) continue;
      let redundancy = 0;
      let proximity = 0;
      for (const chosen of selected) {
        redundancy = Math.max(redundancy, cosine(candidate.vector, chosen.vector));
        const distance = Math.abs(candidate.index - chosen.index);
        proximity = Math.max(proximity, Math.exp(-distance / spread));
      }
      const value = candidate.score - REDUNDANCY_WEIGHT * redundancy - PROXIMITY_WEIGHT * proximity;
      if (!best || value > best.value) best = { candidate, value };
    }
    if (!best) break;
    selected.push(best.candidate);
  }
  return selected;
}

function clashes(candidate: Candidate, selected: readonly Candidate[]): boolean {
  return selected.some(
    (chosen) =>
      // Bodies may not share a sentence: the same passage would be shown twice.
      (candidate.passage.first <= chosen.passage.last + 1 &&
        chosen.passage.first <= candidate.passage.last + 1) ||
      cosine(candidate.vector, chosen.vector) >= DUPLICATE,
  );
}
