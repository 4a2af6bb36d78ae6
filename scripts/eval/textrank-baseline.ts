import type { Segment } from "@/db/schema";
import { normalWords } from "./gold";

// The yardstick: plain TextRank (Mihalcea & Tarau 2004) over the transcript's sentences, the
// top ones as they are. Anything we ship has to beat this by a clear margin on the gold.

export type BaselinePick = { quote: string; segmentIndex: number; score: number };

export function textRankTop(segments: readonly Segment[], count = 5): BaselinePick[] {
  const sentences = segments.flatMap((segment, segmentIndex) =>
    segment.text
      .split(/(?<=[.!?])\s+/)
      .map((text) => ({ text, segmentIndex, words: new Set(normalWords(text)) }))
      .filter((s) => s.words.size >= 6),
  );
  const n = sentences.length;
  const weights = sentences.map((a, i) =>
    sentences.map((b, j) => {
      if (i === j) return 0;
      let shared = 0;
      for (const word of a.words) if (b.words.has(word)) shared++;
      return shared / (Math.log(a.words.size) + Math.log(b.words.size));
    }),
  );
  const outSums = weights.map((row) => row.reduce((sum, w) => sum + w, 0) || 1);
  let rank = new Array<number>(n).fill(1);
  for (let iteration = 0; iteration < 30; iteration++) {
    rank = rank.map((_, i) => {
      let sum = 0;
      for (let j = 0; j < n; j++)
        sum += ((weights[j]?.[i] ?? 0) / (outSums[j] ?? 1)) * (rank[j] ?? 0);
      return 0.15 + 0.85 * sum;
    });
  }
  return sentences
    .map((s, i) => ({ quote: s.text, segmentIndex: s.segmentIndex, score: rank[i] ?? 0 }))
    .sort((a, b) => b.score - a.score)
    .slice(0, count);
}
