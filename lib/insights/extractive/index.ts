import type { Segment } from "@/db/schema";
import { findAds } from "./ads";
import { passageAround } from "./body";
import { cueScore } from "./cues";
import { stripDisfluencies, wordCount } from "./disfluency";
import { isBackchannel, isShowTalk } from "./filler";
import { composeHeadline, type Headline } from "./headline";
import { percentiles, sentenceScore } from "./score";
import { type Candidate, selectDiverse } from "./select";
import { type Sentence, splitTranscript } from "./sentences";
import { contentTerms } from "./terms";
import { textRank, tfidfVectors, type Vector } from "./textrank";

// Insights without a model: the sentences of an episode that are central, specific and
// actionable, each with the passage around it and a headline made from its own words.
// Deterministic: the same segments always give the same insights, in the same order.

export type ExtractedInsight = {
  /** At most 90 characters, the key sentence's claim in sentence case, no trailing period. */
  headline: string;
  /** 2–4 consecutive sentences by the quote's speaker, verbatim but for whitespace. */
  body: string;
  /** The key sentence, verbatim but for whitespace, at most 300 characters. */
  quote: string;
  /** Index of the segment the quote starts in. */
  startSegment: number;
  /** The selection score; higher was picked first. */
  score: number;
};

export type ExtractOptions = { max?: number; min?: number };

const DEFAULT_MIN = 3;
const DEFAULT_MAX = 8;
const QUOTE_MAX_CHARS = 300;
const QUOTE_MIN_WORDS = 6;
const QUOTE_MAX_WORDS = 60;
const CONTEXT_MIN_WORDS = 3;
// One more insight per this many words of real talk, on top of the minimum.
const WORDS_PER_INSIGHT = 300;
// A key sentence whose headline leans on this much context hands its passage to a neighbour.
const LEANS = 0.5;
// What the neighbour gives up for not being the sentence the passage centred on.
const HANDOFF_COST = 0.3;

export function extractInsights(
  segments: readonly Segment[],
  options: ExtractOptions = {},
): ExtractedInsight[] {
  const max = Math.max(0, Math.floor(options.max ?? DEFAULT_MAX));
  const min = Math.min(max, Math.max(0, Math.floor(options.min ?? DEFAULT_MIN)));
  if (segments.length === 0 || max === 0) return [];

  const { sentences, streams } = splitTranscript(segments);
  const clean = sentences.map((sentence) => stripDisfluencies(sentence.text));
  const lengths = clean.map(wordCount);
  const ads = findAds(sentences);
  const talk = clean.map(
    (text, i) => !ads[i] && !isShowTalk(text) && !isBackchannel(text) && (lengths[i] ?? 0) > 0,
  );
  const usable = talk.map((ok, i) => ok && between(lengths[i], CONTEXT_MIN_WORDS, QUOTE_MAX_WORDS));

  // Every real sentence votes in the centrality graph, even those too long to quote.
  const nodes = sentences.filter((_, i) => talk[i]).map((sentence) => sentence.index);
  const termVectors = tfidfVectors(nodes.map((i) => contentTerms(clean[i] ?? "")));
  const vectors = new Map<number, Vector>(
    nodes.map((sentence, node) => [sentence, termVectors[node] ?? new Map()]),
  );
  const centrality = percentiles(textRank(termVectors));

  const passageFor = (index: number, taken: ReadonlySet<number>) => {
    const sentence = sentences[index];
    if (!sentence) return null;
    return passageAround(sentence, {
      sentences,
      lengths,
      usable: (i) => !!usable[i] && !taken.has(i),
    });
  };
  const candidates: Candidate[] = [];
  const headlines = new Map<number, Headline>();
  nodes.forEach((i, node) => {
    const sentence = sentences[i];
    if (!sentence || !usable[i] || !isQuotable(sentence.text, lengths[i] ?? 0)) return;
    const vector = vectors.get(i);
    if (!vector || vector.size === 0 || !passageFor(i, new Set())) return;
    // A sentence that makes a clumsy headline makes a clumsy insight, however central it is.
    const headline = composeHeadline(clean[i] ?? sentence.text);
    headlines.set(i, headline);
    const score =
      sentenceScore({
        text: sentence.text,
        clean: clean[i] ?? "",
        centrality: centrality[node] ?? 0,
        position: i / sentences.length,
      }) + headline.quality;
    candidates.push({ index: i, score, vector });
  });
  handOffToNeighbours(candidates, headlines, sentences, clean);

  const talkWords = lengths.reduce((sum, length, i) => (talk[i] ? sum + length : sum), 0);
  const target = Math.min(
    max,
    Math.max(min, DEFAULT_MIN + Math.floor(talkWords / WORDS_PER_INSIGHT)),
  );
  const picks = selectDiverse(
    candidates,
    { min, max, target, sentenceCount: sentences.length },
    passageFor,
  );

  return picks
    .sort((a, b) => a.candidate.index - b.candidate.index)
    .flatMap(({ candidate, passage }) => {
      const sentence = sentences[candidate.index];
      const first = sentences[passage.first];
      const last = sentences[passage.last];
      const stream = sentence ? streams[sentence.stream] : undefined;
      if (!sentence || !first || !last || !stream) return [];
      return [
        {
          headline: headlines.get(candidate.index)?.text ?? sentence.text.slice(0, 90),
          body: stream.text.slice(first.from, last.to),
          quote: sentence.text,
          startSegment: sentence.startSegment,
          score: round(candidate.score),
        },
      ];
    });
}

/**
 * "Almost every company expects that" may sit in the right passage and still make a headline
 * nobody can read alone. When the next or previous sentence of the same turn states the advice
 * in its own words, that sentence gets the passage's score, so it is the one picked.
 */
function handOffToNeighbours(
  candidates: Candidate[],
  headlines: ReadonlyMap<number, Headline>,
  sentences: readonly Sentence[],
  clean: readonly string[],
) {
  const byIndex = new Map(candidates.map((candidate) => [candidate.index, candidate]));
  const original = new Map(candidates.map((candidate) => [candidate.index, candidate.score]));
  for (const weak of candidates) {
    const dependence = headlines.get(weak.index)?.dependence ?? 0;
    if (dependence < LEANS) continue;
    const standalone = (original.get(weak.index) ?? weak.score) + dependence;
    for (const index of [weak.index + 1, weak.index - 1]) {
      const neighbour = byIndex.get(index);
      if (!neighbour || sentences[index]?.stream !== sentences[weak.index]?.stream) continue;
      if ((headlines.get(index)?.dependence ?? 1) > 0) continue;
      if (cueScore(clean[index] ?? "").advice <= 0) continue;
      neighbour.score = Math.max(neighbour.score, standalone - HANDOFF_COST);
    }
  }
}

function isQuotable(text: string, words: number): boolean {
  return (
    between(words, QUOTE_MIN_WORDS, QUOTE_MAX_WORDS) &&
    text.length <= QUOTE_MAX_CHARS &&
    // A question is a prompt for an insight, not one.
    !/\?["'”’)\]]*$/.test(text)
  );
}

function between(value: number | undefined, low: number, high: number): boolean {
  return value !== undefined && value >= low && value <= high;
}

// Scores are compared and stored, not read; four decimals keep them stable across platforms.
function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
