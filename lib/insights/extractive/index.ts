import type { Segment } from "@/db/schema";
import { canOpenCard, FEATURES, type FeatureRow, sentenceFeatures } from "./features";
import { composeHeadline, type Headline } from "./headline";
import { type Sentence, splitTranscript } from "./sentences";
import { cosine } from "./textrank";
import { BIAS, MEANS, SCALES, WEIGHTS } from "./weights";

// Insights without a model: the sentences a careful listener would mark, each the claim of a
// card whose headline is its tidied words and whose body is the reason that follows it.
// Sentences are scored by weights fitted to gold moments (features.ts, weights.ts): the guest's
// long answers over the host's questions, claims with reasons over stories, ads and intros out.
// Deterministic: the same segments always give the same insights, in the same order.

export type ExtractedInsight = {
  /** At most 90 characters, the key sentence's claim in sentence case, no trailing period. */
  headline: string;
  /** What follows the claim in the same turn (its reason), cleaned of "um" and false starts. */
  body: string;
  /** The key sentence, verbatim but for whitespace, at most 300 characters. */
  quote: string;
  /** Index of the segment the quote starts in. */
  startSegment: number;
  /** Who said it, as labelled. */
  speaker: string | null;
  /** How likely a careful listener marks this moment, 0–1 (weights fitted to gold moments). */
  score: number;
};

export type ExtractOptions = { max?: number; min?: number };

const DEFAULT_MIN = 0;
const DEFAULT_MAX = 8;
// A sentence this likely (by the gold-fitted weights) to be a moment a listener would mark is
// worth a card; below it the episode gets fewer insights rather than filler.
const FLOOR = 0.45;
// Picks nearer than this many words are the same moment of the episode (less in a short one).
const SAME_MOMENT = 400;
const SAME_MOMENT_SHARE = 0.1;
// Above this (term cosine), two picks say the same thing.
const SAME_POINT = 0.3;
// How much the neighbours' likelihood counts: a moment is a stretch, not one lucky sentence.
const NEIGHBOURHOOD = 0.5;
const HEADLINE_WEIGHT = 2;
const MAX_DEPENDENCE = 0.6;
// One more insight per this many words of real talk.
const WORDS_PER_INSIGHT = 1200;
// The body: what follows the claim in the same turn, its reason or consequence.
const BODY_SENTENCES = 3;
const BODY_WORDS = 80;

export function extractInsights(
  segments: readonly Segment[],
  options: ExtractOptions = {},
): ExtractedInsight[] {
  const max = Math.max(0, Math.floor(options.max ?? DEFAULT_MAX));
  const min = Math.min(max, Math.max(0, Math.floor(options.min ?? DEFAULT_MIN)));
  if (segments.length === 0 || max === 0) return [];

  const split = splitTranscript(segments);
  const { sentences, streams } = split;
  const { rows, talk, clean, lengths, vectors } = sentenceFeatures(split);
  const logits = rows.map(logitOf);
  // A sentence inside a run of likely ones is likelier: smooth over its turn's neighbours.
  const smoothed = logits.map((logit, i) => {
    const stream = sentences[i]?.stream;
    const near = [-4, -3, -2, -1, 1, 2, 3, 4]
      .map((k) => i + k)
      .filter((j) => sentences[j]?.stream === stream && talk[j]);
    if (near.length === 0) return logit;
    const around = near.reduce((sum, j) => sum + (logits[j] ?? 0), 0) / near.length;
    return (1 - NEIGHBOURHOOD) * logit + NEIGHBOURHOOD * around;
  });

  type Option = { index: number; score: number; headline: Headline };
  const choices: Option[] = [];
  sentences.forEach((sentence, i) => {
    if (!talk[i] || !canOpenCard(sentence.text, clean[i] ?? "")) return;
    const headline = composeHeadline(clean[i] ?? sentence.text);
    // A claim that leans on what came before ("That's why it works") is not a card's first line.
    if (headline.dependence >= MAX_DEPENDENCE || headline.fragment) return;
    // A headline that had to be cut to a fragment reads worse; one that leans on context too.
    const score = sigmoid((smoothed[i] ?? 0) + HEADLINE_WEIGHT * headline.quality);
    choices.push({ index: i, score, headline });
  });
  choices.sort((a, b) => b.score - a.score || a.index - b.index);

  // Where each sentence starts, in words, to tell moments apart.
  const wordsBefore: number[] = [];
  lengths.reduce((sum, length, i) => {
    wordsBefore[i] = sum;
    return sum + length;
  }, 0);
  const talkWords = lengths.reduce((sum, length, i) => (talk[i] ? sum + length : sum), 0);
  const target = Math.min(max, Math.max(min, 3 + Math.floor(talkWords / WORDS_PER_INSIGHT)));
  const sameMoment = Math.min(SAME_MOMENT, talkWords * SAME_MOMENT_SHARE);
  const picked: (Option & { body: string })[] = [];
  for (const option of choices) {
    if (picked.length >= target) break;
    if (picked.length >= min && option.score < FLOOR) break;
    const vector = vectors[option.index] ?? new Map();
    const crowded = picked.some(
      (p) =>
        Math.abs((wordsBefore[p.index] ?? 0) - (wordsBefore[option.index] ?? 0)) < sameMoment ||
        cosine(vectors[p.index] ?? new Map(), vector) >= SAME_POINT,
    );
    if (crowded) continue;
    const sentence = sentences[option.index] as Sentence;
    // A claim with nothing after it in the turn has no reason to show: not a card.
    const body = bodyAfter(sentence, { sentences, clean, lengths, talk });
    if (body) picked.push({ ...option, body });
  }

  return picked
    .sort((a, b) => a.index - b.index)
    .flatMap(({ index, score, headline, body }) => {
      const sentence = sentences[index];
      if (!sentence) return [];
      return [
        {
          headline: headline.text,
          body,
          quote: sentence.text,
          startSegment: sentence.startSegment,
          speaker: streams[sentence.stream]?.speaker ?? null,
          score: round(score),
        },
      ];
    });
}

/**
 * The reason or consequence after a claim: the next sentences of the same turn, cleaned of
 * "um" and false starts, ending at a question, an ad or the turn's end. Never the claim again.
 */
function bodyAfter(
  key: Sentence,
  context: {
    sentences: readonly Sentence[];
    clean: readonly string[];
    lengths: readonly number[];
    talk: readonly boolean[];
  },
): string {
  const { sentences, clean, lengths, talk } = context;
  const parts: string[] = [];
  let words = 0;
  for (let i = key.index + 1; i < sentences.length && parts.length < BODY_SENTENCES; i++) {
    const sentence = sentences[i];
    if (!sentence || sentence.stream !== key.stream || !talk[i]) break;
    if (/\?["'”’)\]]*$/.test(sentence.text)) break;
    const text = clean[i] ?? "";
    if (text === "") continue;
    parts.push(capitalise(text));
    words += lengths[i] ?? 0;
    if (words >= BODY_WORDS) break;
  }
  return parts.join(" ");
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function logitOf(row: FeatureRow): number {
  let logit = BIAS;
  for (const feature of FEATURES)
    logit += (WEIGHTS[feature] * (row[feature] - MEANS[feature])) / (SCALES[feature] || 1);
  return logit;
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

// Scores are compared and stored, not read; four decimals keep them stable across platforms.
function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
