import { cueScore } from "./cues";

// One number per candidate sentence: how central it is to the episode plus how actionable and
// specific it sounds. Centrality enters as a percentile so that one outlier can't flatten the rest.

const CENTRALITY_WEIGHT = 1.5;
// The opening minutes are mostly introductions even when no greeting phrase gives them away.
const INTRO_SHARE = 0.04;
const INTRO_PENALTY = 0.4;

export function percentiles(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index }));
  order.sort((a, b) => a.value - b.value || a.index - b.index);
  const out = new Array<number>(values.length).fill(0);
  const last = Math.max(values.length - 1, 1);
  order.forEach(({ index }, position) => {
    out[index] = position / last;
  });
  return out;
}

export function sentenceScore(clean: string, centrality: number, position: number): number {
  const cues = cueScore(clean);
  const intro = position < INTRO_SHARE ? INTRO_PENALTY : 0;
  return CENTRALITY_WEIGHT * centrality + cues.advice + cues.specificity - cues.vagueness - intro;
}
