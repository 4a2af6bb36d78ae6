// Where a quote's words occur in a transcript, word for word or nearly: the transcript's words
// are numbered once, then matched as runs of numbers.

/** Token-level similarity a near-verbatim quote must reach (1 = identical token sequence). */
export const FUZZY_MIN_SIMILARITY = 0.9;

type Token = { text: string; start: number; end: number };

export type TokenIndex = {
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
export function tokenize(text: string): Token[] {
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

export function indexTokens(text: string): TokenIndex {
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
export function findRun(quote: number[], index: TokenIndex): number | null {
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
export function fuzzyFind(
  quote: number[],
  index: TokenIndex,
): { start: number; end: number } | null {
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

export const endOf = (index: TokenIndex, start: number, count: number) =>
  index.ends[start + count - 1] ?? index.ends[start] ?? 0;
