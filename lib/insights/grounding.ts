import type { Grounding, Segment } from "@/db/schema";

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

/** Token-level similarity a near-verbatim quote must reach (1 = identical token sequence). */
export const FUZZY_MIN_SIMILARITY = 0.9;

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

type Token = { text: string; start: number; end: number };

type TokenIndex = {
  /** Token text → small integer, so the matchers compare numbers. */
  ids: Map<string, number>;
  sequence: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
  /** Positions of each token id in the sequence: the anchors the matchers start from. */
  postings: number[][];
};

// Apostrophes (ASCII ' and `, and these curly forms) vanish so "don't", "dont" and "don’t"
// agree. Curly double quotes and dashes need no ASCII mapping: like all other punctuation they
// only separate words, so "one-on-one" and "one on one" agree too.
const APOSTROPHES = new Set(["\u2018", "\u2019", "\u02bc", "\u2032"]);
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const isAsciiWordChar = (code: number) =>
  (code >= 0x30 && code <= 0x39) ||
  (code >= 0x41 && code <= 0x5a) ||
  (code >= 0x61 && code <= 0x7a);

/**
 * Normalized words (NFKC, lower case, punctuation removed) with the span of original text each
 * came from, which is the map from normalized positions back to the transcript.
 */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let current = "";
  let start = 0;
  let end = 0;
  const flush = () => {
    if (current !== "") tokens.push({ text: current, start, end });
    current = "";
  };
  const add = (piece: string, at: number, width: number) => {
    if (current === "") start = at;
    current += piece;
    end = at + width;
  };
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i) ?? 0;
    const width = code > 0xffff ? 2 : 1;
    // ASCII is most of any English transcript; only the rest pays for Unicode normalization.
    if (code < 0x80) {
      if (isAsciiWordChar(code)) add(text[i]?.toLowerCase() ?? "", i, 1);
      else if (code !== 0x27 && code !== 0x60) flush();
    } else {
      const char = text.slice(i, i + width);
      if (!APOSTROPHES.has(char)) {
        for (const piece of char.normalize("NFKC").toLowerCase()) {
          if (WORD_CHAR.test(piece)) add(piece, i, width);
          else flush();
        }
      }
    }
    i += width;
  }
  flush();
  return tokens;
}

function indexTokens(text: string): TokenIndex {
  const tokens = tokenize(text);
  const ids = new Map<string, number>();
  const postings: number[][] = [];
  const sequence = new Int32Array(tokens.length);
  const starts = new Int32Array(tokens.length);
  const ends = new Int32Array(tokens.length);
  tokens.forEach((token, position) => {
    let id = ids.get(token.text);
    if (id === undefined) {
      id = postings.length;
      ids.set(token.text, id);
      postings.push([]);
    }
    postings[id]?.push(position);
    sequence[position] = id;
    starts[position] = token.start;
    ends[position] = token.end;
  });
  return { ids, sequence, starts, ends, postings };
}

const frequency = (index: TokenIndex, id: number) =>
  id < 0 ? 0 : (index.postings[id]?.length ?? 0);

/** First position where the quote's tokens occur as a contiguous run, checked from its rarest token. */
function findRun(quote: number[], index: TokenIndex): number | null {
  if (quote.includes(-1)) return null;
  let anchor = 0;
  for (let i = 1; i < quote.length; i++) {
    if (frequency(index, quote[i] ?? -1) < frequency(index, quote[anchor] ?? -1)) anchor = i;
  }
  for (const position of index.postings[quote[anchor] ?? -1] ?? []) {
    const start = position - anchor;
    if (start < 0 || start + quote.length > index.sequence.length) continue;
    if (quote.every((id, i) => index.sequence[start + i] === id)) return start;
  }
  return null;
}

/**
 * Best approximate occurrence of the quote, by token edit distance with a free start and end
 * in the transcript (Sellers' algorithm). Similarity is 1 - edits / max(quote, span) tokens.
 *
 * With at most `maxEdits` edits, at least one of any `maxEdits + 1` quote tokens survives in
 * place, so only the stretches around occurrences of the quote's rarest tokens can match: the
 * dynamic programme runs over those stretches instead of the whole transcript.
 */
function fuzzyFind(quote: number[], index: TokenIndex): { start: number; end: number } | null {
  const n = quote.length;
  // edits ≤ (1 - s)·max(n, span) and span ≤ n + edits give edits ≤ (1 - s)·n / s. The span
  // therefore stays within n ± 11% tokens, inside a ±20% window.
  // (The epsilon absorbs float error: 1 - 0.9 is a hair under 0.1.)
  const maxEdits = Math.floor(((1 - FUZZY_MIN_SIMILARITY) * n) / FUZZY_MIN_SIMILARITY + 1e-9);
  if (maxEdits === 0) return null; // nothing short of a normalized match is similar enough

  const anchors = quote
    .map((id, position) => ({ id, position }))
    .sort((a, b) => frequency(index, a.id) - frequency(index, b.id))
    .slice(0, maxEdits + 1);
  const regions: [number, number][] = [];
  for (const { id, position } of anchors) {
    for (const at of id < 0 ? [] : (index.postings[id] ?? [])) {
      const from = Math.max(0, at - position - maxEdits);
      regions.push([from, Math.min(index.sequence.length, at - position + n + maxEdits)]);
    }
  }

  let best: { start: number; end: number; similarity: number } | null = null;
  for (const [from, to] of mergeRegions(regions)) {
    const found = alignIn(quote, index.sequence, from, to);
    if (found && (best === null || found.similarity > best.similarity)) best = found;
  }
  return best !== null && best.similarity >= FUZZY_MIN_SIMILARITY ? best : null;
}

function mergeRegions(regions: [number, number][]): [number, number][] {
  const merged: [number, number][] = [];
  for (const [from, to] of [...regions].sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

function alignIn(quote: number[], text: Int32Array, from: number, to: number) {
  const n = quote.length;
  let previous = Int32Array.from({ length: n + 1 }, (_, i) => i);
  let previousStart = new Int32Array(n + 1).fill(from);
  let current = new Int32Array(n + 1);
  let currentStart = new Int32Array(n + 1);
  let best: { start: number; end: number; similarity: number } | null = null;
  for (let j = from; j < to; j++) {
    const token = text[j];
    current[0] = 0;
    currentStart[0] = j + 1;
    for (let i = 1; i <= n; i++) {
      const diagonal = (previous[i - 1] ?? 0) + (quote[i - 1] === token ? 0 : 1);
      const skipQuote = (current[i - 1] ?? 0) + 1;
      const skipText = (previous[i] ?? 0) + 1;
      if (diagonal <= skipQuote && diagonal <= skipText) {
        current[i] = diagonal;
        currentStart[i] = previousStart[i - 1] ?? 0;
      } else if (skipQuote <= skipText) {
        current[i] = skipQuote;
        currentStart[i] = currentStart[i - 1] ?? 0;
      } else {
        current[i] = skipText;
        currentStart[i] = previousStart[i] ?? 0;
      }
    }
    const start = currentStart[n] ?? 0;
    const similarity = 1 - (current[n] ?? n) / Math.max(n, j + 1 - start);
    if (best === null || similarity > best.similarity) best = { start, end: j + 1, similarity };
    [previous, current] = [current, previous];
    [previousStart, currentStart] = [currentStart, previousStart];
  }
  return best;
}

const endOf = (index: TokenIndex, start: number, count: number) =>
  index.ends[start + count - 1] ?? index.ends[start] ?? 0;

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
