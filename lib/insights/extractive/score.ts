import { cueScore } from "./cues";
import { wordCount } from "./disfluency";

// One number per candidate sentence: how central it is to the episode plus how actionable and
// specific it sounds. Centrality enters as a percentile so that one outlier can't flatten the rest.

const CENTRALITY_WEIGHT = 1.2;
// The opening and closing minutes are mostly introductions and goodbyes, even when no greeting
// phrase gives them away.
const INTRO_SHARE = 0.04;
const OUTRO_SHARE = 0.03;
const INTRO_PENALTY = 0.4;
const DISFLUENCY_WEIGHT = 3;

/** Each value's rank among the others, 0–1; equal values share the lower rank. */
export function percentiles(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index }));
  order.sort((a, b) => a.value - b.value || a.index - b.index);
  const out = new Array<number>(values.length).fill(0);
  const last = Math.max(values.length - 1, 1);
  let tieStart = 0;
  order.forEach(({ value, index }, position) => {
    // Sentences no other sentence resembles all get the same rank; without this the later
    // ones would rank higher purely by position.
    if (position > 0 && value !== order[position - 1]?.value) tieStart = position;
    out[index] = tieStart / last;
  });
  return out;
}

export type ScoreInput = {
  /** The sentence as said. */
  text: string;
  /** The sentence without disfluencies. */
  clean: string;
  /** Percentile of TextRank centrality, 0–1. */
  centrality: number;
  /** Where in the episode it was said, 0–1. */
  position: number;
};

export function sentenceScore({ text, clean, centrality, position }: ScoreInput): number {
  const cues = cueScore(clean);
  const intro = position < INTRO_SHARE || position > 1 - OUTRO_SHARE ? INTRO_PENALTY : 0;
  // The quote is shown verbatim, so one full of "you know, like, I mean" reads badly even when
  // the claim under it is good.
  const said = wordCount(text);
  const noise = said === 0 ? 0 : Math.max(0, said - wordCount(clean)) / said;
  return (
    CENTRALITY_WEIGHT * centrality +
    cues.advice +
    cues.specificity -
    cues.vagueness -
    intro -
    DISFLUENCY_WEIGHT * noise
  );
}
