import type { Segment } from "@/db/schema";

// Sentences of an episode, rebuilt across cue boundaries: captions cut a sentence wherever the
// line got full, so one speaker's consecutive segments are read as one stream of text.

export type Sentence = {
  /** Position in the episode's sentence list. */
  index: number;
  /** Verbatim transcript text, whitespace collapsed to single spaces. */
  text: string;
  /** Index of the segment the sentence's first character comes from. */
  startSegment: number;
  /** Sentences of one stream were said by one speaker without interruption. */
  stream: number;
  /** Character offsets inside the stream, so neighbours can be sliced out verbatim. */
  from: number;
  to: number;
};

export type Stream = { text: string; speaker: string | null };

export type SplitTranscript = { sentences: Sentence[]; streams: Stream[] };

export function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

export function splitTranscript(segments: readonly Segment[]): SplitTranscript {
  const sentences: Sentence[] = [];
  const streams: Stream[] = [];
  let pieces: { segment: number; offset: number }[] = [];
  let text = "";
  let speaker: string | null = null;

  const flush = () => {
    if (text === "") return;
    const stream = streams.length;
    streams.push({ text, speaker });
    for (const [from, to] of sentenceSpans(text)) {
      sentences.push({
        index: sentences.length,
        text: text.slice(from, to),
        startSegment: segmentAt(pieces, from),
        stream,
        from,
        to,
      });
    }
  };

  segments.forEach((segment, index) => {
    const piece = normalizeWhitespace(segment.text);
    if (piece === "") return;
    if (text !== "" && segment.speaker !== speaker) {
      flush();
      pieces = [];
      text = "";
    }
    speaker = segment.speaker;
    if (text !== "") text += " ";
    pieces.push({ segment: index, offset: text.length });
    text += piece;
  });
  flush();
  return { sentences, streams };
}

/** The segment a stream offset falls in; binary search, since word-level transcripts have a piece per word. */
function segmentAt(pieces: readonly { segment: number; offset: number }[], at: number): number {
  let low = 0;
  let high = pieces.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((pieces[middle]?.offset ?? 0) <= at) low = middle;
    else high = middle - 1;
  }
  return pieces[low]?.segment ?? 0;
}

const TERMINALS = ".?!…";
const CLOSERS = "\"'”’)]";
const OPENERS = "\"'“‘([";

// Titles before a name: a period after them never ends the sentence.
const TITLES = new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "prof",
  "st",
  "sr",
  "jr",
  "vs",
  "e.g",
  "i.e",
  "cf",
  "approx",
  "gen",
  "gov",
  "sen",
  "rep",
  "lt",
  "col",
  "capt",
  "sgt",
  "mt",
]);
// Abbreviations that often end a sentence too ("… at 3 p.m. Then we …").
const AMBIGUOUS = new Set(["u.s", "u.k", "e.u"]);
// These end a sentence before any capitalised word but a time zone ("3 p.m. Eastern").
const CLOCK_AND_COMPANY = new Set(["a.m", "p.m", "etc", "inc", "ltd", "corp"]);
const TIME_ZONES = /^(?:eastern|pacific|central|mountain|gmt|utc|et|pt|ct|est|pst|cet|bst)\b/i;
// Capitalised words that start sentences far more often than they follow an abbreviation.
const STARTERS = new Set(
  "the we i it so and but that this you they he she if what when in now then there my our yeah yes no okay also because".split(
    " ",
  ),
);

/** [from, to) spans of the sentences in one stream of text. */
export function sentenceSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    if (!TERMINALS.includes(text.charAt(i))) {
      i++;
      continue;
    }
    let end = i;
    while (end < text.length && TERMINALS.includes(text.charAt(end))) end++;
    while (end < text.length && CLOSERS.includes(text.charAt(end))) end++;
    if (end < text.length && text.charAt(end) === " " && endsSentence(text, start, i, end)) {
      spans.push([start, end]);
      start = end + 1;
    }
    i = end;
  }
  if (start < text.length) spans.push([start, text.length]);
  return spans.filter(([from, to]) => text.slice(from, to).trim() !== "");
}

function endsSentence(text: string, start: number, mark: number, end: number): boolean {
  const run = text.slice(mark, end);
  const next = text.slice(end + 1);
  const nextChar = next.charAt(0);
  const lowerNext = nextChar !== nextChar.toUpperCase() && nextChar === nextChar.toLowerCase();
  if (lowerNext) return false;
  if (/[?!]/.test(run)) return true;
  const startsLikeSentence = /[A-Z0-9]/.test(nextChar) || OPENERS.includes(nextChar);
  if (/\.\.|…/.test(run)) return startsLikeSentence;
  if (!startsLikeSentence) return false;
  const before = text.slice(start, mark);
  const word = (/(\S+)$/.exec(before)?.[1] ?? "").replace(/^["'“‘([]+/, "");
  const lower = word.toLowerCase();
  if (TITLES.has(lower)) return false;
  // An initial ("J. R. R.") or a dotted acronym ("U.S") is a boundary only before a word that
  // usually opens a sentence.
  if (word === "I") return true;
  if (CLOCK_AND_COMPANY.has(lower)) return !TIME_ZONES.test(next);
  if (/^[A-Za-z]$/.test(word) || /^([A-Za-z]\.)+[A-Za-z]$/.test(word) || AMBIGUOUS.has(lower)) {
    const nextWord = (/^["'“‘([]*([A-Za-z]+)/.exec(next)?.[1] ?? "").toLowerCase();
    return STARTERS.has(nextWord);
  }
  return true;
}
