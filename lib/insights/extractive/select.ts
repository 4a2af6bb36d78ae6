import type { Passage } from "./body";
import { cosine, type Vector } from "./textrank";

// Choosing which candidates become insights: maximal marginal relevance, so the list doesn't
// say one thing three times or quote three neighbouring sentences, and spreads over the episode.

export type Candidate = { index: number; score: number; vector: Vector };

export type Pick = { candidate: Candidate; passage: Passage };

/** The body for a key sentence, kept clear of sentences other picks already show. */
export type PassageFor = (index: number, taken: ReadonlySet<number>) => Passage | null;

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
  passageFor: PassageFor,
): Pick[] {
  const pool = [...candidates].sort((a, b) => b.score - a.score || a.index - b.index);
  const top = pool[0]?.score ?? 0;
  const floor = Math.max(ABSOLUTE_FLOOR, top * RELATIVE_FLOOR);
  // Picks closer than this (in sentences) feel like the same moment of the episode.
  const spread = Math.max(4, options.sentenceCount / (Math.max(options.target, 1) * 2));
  const limit = Math.min(options.max, Math.max(options.target, options.min));
  const picks: Pick[] = [];
  // Sentences already shown in a body; a passage only shrinks as this grows, so a candidate
  // that can't get a body now never will.
  const taken = new Set<number>();
  const rejected = new Set<Candidate>();

  while (picks.length < limit) {
    let best: { candidate: Candidate; value: number } | null = null;
    for (const candidate of pool) {
      if (rejected.has(candidate) || taken.has(candidate.index)) continue;
      if (picks.length >= options.min && candidate.score < floor) continue;
      let redundancy = 0;
      let proximity = 0;
      for (const { candidate: chosen } of picks) {
        redundancy = Math.max(redundancy, cosine(candidate.vector, chosen.vector));
        const distance = Math.abs(candidate.index - chosen.index);
        proximity = Math.max(proximity, Math.exp(-distance / spread));
      }
      if (redundancy >= DUPLICATE) continue;
      const value = candidate.score - REDUNDANCY_WEIGHT * redundancy - PROXIMITY_WEIGHT * proximity;
      if (!best || value > best.value) best = { candidate, value };
    }
    if (!best) break;
    const passage = passageFor(best.candidate.index, taken);
    rejected.add(best.candidate);
    if (!passage) continue;
    for (let i = passage.first; i <= passage.last; i++) taken.add(i);
    picks.push({ candidate: best.candidate, passage });
  }
  return picks;
}
