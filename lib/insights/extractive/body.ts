import type { Sentence } from "./sentences";

// The body around a key sentence: its neighbours from the same uninterrupted turn, so the text
// reads as one passage someone said. A neighbour that is filler ends the passage on that side
// rather than being skipped, since skipping would glue together sentences that weren't adjacent.

const MAX_SENTENCES = 4;
// Past this many words a fourth sentence makes the body a wall of text.
const COMFORTABLE_WORDS = 70;

export type Passage = { first: number; last: number };

export type PassageContext = {
  sentences: readonly Sentence[];
  lengths: readonly number[];
  /** Whether sentence `i` may be shown as context: real talk, and not in another insight's body. */
  usable: (i: number) => boolean;
};

export function passageAround(key: Sentence, context: PassageContext): Passage | null {
  const { sentences, lengths, usable } = context;
  let first = key.index;
  let last = key.index;
  let total = lengths[key.index] ?? 0;
  const fits = (i: number) => sentences[i]?.stream === key.stream && usable(i);
  while (last - first + 1 < MAX_SENTENCES) {
    if (last - first + 1 >= 3 && total > COMFORTABLE_WORDS) break;
    const canForward = fits(last + 1);
    const canBack = fits(first - 1);
    if (!canForward && !canBack) break;
    // Keep the key sentence in the middle; what follows a claim is usually its reason or
    // example, so ties go forward.
    if (canForward && (!canBack || last - key.index <= key.index - first)) {
      last++;
      total += lengths[last] ?? 0;
    } else {
      first--;
      total += lengths[first] ?? 0;
    }
  }
  return last > first ? { first, last } : null;
}
