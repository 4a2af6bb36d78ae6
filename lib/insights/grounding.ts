import type { Grounding, Segment } from "@/db/schema";
import { endOf, findRun, fuzzyFind, indexTokens, type TokenIndex, tokenize } from "./token-match";

// A quote is kept only if the transcript contains it. Quotes from a model or the extractor
// often run across several short VTT/SRT cues, so matching is done over the whole transcript
// (segment texts joined by one space) and mapped back to the segment the quote starts in:
// that segment, not the model, supplies the insight's time and speaker.

export type GroundedQuote = {
  level: Grounding;
  /** The segment the matched words start in. */
  segment: Segment;
  segmentIndex: number;
  /** The transcript's own words for the matched span, whitespace collapsed. Store this. */
  text: string;
};

/** Finds where a quote was said. Use createGrounder to check many quotes against one transcript. */
export function groundQuote(quote: string, segments: readonly Segment[]): GroundedQuote | null {
  return createGrounder(segments)(quote);
}

/**
 * Prepares a transcript once for many quotes: exact matching is a string search; the token
 * index for the normalized and fuzzy levels is built only when a quote first needs it.
 */
export function createGrounder(
  segments: readonly Segment[],
): (quote: string) => GroundedQuote | null {
  const offsets: number[] = [];
  let length = 0;
  for (const segment of segments) {
    offsets.push(length);
    length += segment.text.length + 1;
  }
  const joined = segments.map((s) => s.text).join(" ");
  let index: TokenIndex | undefined;

  const result = (level: Grounding, start: number, end: number): GroundedQuote | null => {
    const segmentIndex = segmentAt(offsets, start);
    const segment = segments[segmentIndex];
    if (!segment) return null;
    // One person's words: a quote that runs into the next speaker's turn would be misattributed.
    for (let i = segmentIndex + 1; i < segments.length && (offsets[i] ?? Infinity) < end; i++) {
      const next = segments[i]?.speaker ?? null;
      if (next !== null && segment.speaker !== null && next !== segment.speaker) return null;
    }
    return { level, segment, segmentIndex, text: collapse(joined.slice(start, end)) };
  };

  return (quote) => {
    const needle = quote.trim();
    if (needle === "") return null;
    const at = joined.indexOf(needle);
    if (at >= 0) return result("exact", at, at + needle.length);

    index ??= indexTokens(joined);
    const tokens = index.ids;
    const quoteTokens = tokenize(needle).map((t) => tokens.get(t.text) ?? -1);
    if (quoteTokens.length === 0) return null;
    const run = findRun(quoteTokens, index);
    if (run !== null) {
      return result("normalized", index.starts[run] ?? 0, endOf(index, run, quoteTokens.length));
    }
    const near = fuzzyFind(quoteTokens, index);
    if (near === null) return null;
    const quoteWords = tokenize(needle).map((t) => t.text);
    if (flipsMeaning(quoteWords, index.sequence.subarray(near.start, near.end), index)) return null;
    return result(
      "fuzzy",
      index.starts[near.start] ?? 0,
      endOf(index, near.start, near.end - near.start),
    );
  };
}

// One changed word can reverse a claim ("always" → "never") or change its figure ("10" → "40"):
// a fuzzy match may differ in filler, never in these.
const MEANING_WORDS = new Set([
  "not",
  "no",
  "never",
  "always",
  "dont",
  "doesnt",
  "didnt",
  "cant",
  "cannot",
  "wont",
  "shouldnt",
  "isnt",
  "arent",
  "wasnt",
  "werent",
  "nobody",
  "nothing",
  "none",
  "more",
  "less",
  "most",
  "least",
  "before",
  "after",
  "only",
  "every",
  "all",
]);

function flipsMeaning(
  quoteWords: readonly string[],
  span: ArrayLike<number>,
  index: TokenIndex,
): boolean {
  const names = new Map<number, string>();
  for (const [text, id] of index.ids) names.set(id, text);
  const counts = new Map<string, number>();
  for (const word of quoteWords) counts.set(word, (counts.get(word) ?? 0) + 1);
  for (let i = 0; i < span.length; i++) {
    const word = names.get(span[i] as number) ?? "";
    counts.set(word, (counts.get(word) ?? 0) - 1);
  }
  for (const [word, difference] of counts) {
    if (difference !== 0 && (MEANING_WORDS.has(word) || /\d/.test(word))) return true;
  }
  return false;
}

/** Index of the segment containing a character offset of the joined transcript. */
function segmentAt(offsets: number[], position: number): number {
  let low = 0;
  let high = offsets.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((offsets[middle] ?? 0) <= position) low = middle;
    else high = middle - 1;
  }
  return low;
}

const collapse = (text: string) => text.replace(/\s+/g, " ").trim();
