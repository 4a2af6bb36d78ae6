import { searchText } from "@/db/queries/input";

// An episode's transcript as its page shows it: segments grouped into speaker turns, the lines
// each insight's quote rests on marked, and a search that keeps only the lines holding the words
// typed. Plain string work (no regular expression is built from what a visitor types), once per
// request, so a two-hour transcript stays cheap.

export type TranscriptSegment = {
  start: number | null;
  end: number | null;
  speaker: string | null;
  text: string;
};

export type LinePart = { text: string; match: boolean };

export type TranscriptLine = {
  index: number;
  start: number | null;
  /** The line's text; with a search, split into the parts that match and those that do not. */
  parts: LinePart[];
  /** The insight whose quote this line holds, if any. */
  insightId: string | null;
  /** The anchor of an insight's passage, on its first line. */
  anchor: string | null;
};

export type TranscriptTurn = {
  speaker: string | null;
  start: number | null;
  lines: TranscriptLine[];
};

export type TranscriptView = {
  turns: TranscriptTurn[];
  lineCount: number;
  /** The search as used (cleaned), "" for none. */
  query: string;
  /** Lines holding the search; with no search, every line. */
  matchCount: number;
};

type QuotedInsight = { id: string; quote: string; quoteStartS: number | null };

export const passageAnchor = (insightId: string) => `passage-${insightId}`;

export function transcriptView({
  segments,
  insights,
  q,
}: {
  segments: TranscriptSegment[];
  insights: QuotedInsight[];
  q?: string | null;
}): TranscriptView {
  const passages = passageLines(segments, insights);
  const query = searchText(q);
  const needle = query.toLowerCase();
  const turns: TranscriptTurn[] = [];
  let matchCount = 0;
  segments.forEach((segment, index) => {
    const parts = needle
      ? splitMatches(segment.text, needle)
      : [{ text: segment.text, match: false }];
    const matched = parts.some((p) => p.match);
    if (needle && !matched) return;
    matchCount++;
    const insightId = passages.lineInsight.get(index) ?? null;
    const line: TranscriptLine = {
      index,
      start: finite(segment.start),
      parts,
      insightId,
      anchor: passages.firstLine.get(index) ?? null,
    };
    const last = turns.at(-1);
    const sameTurn =
      last && last.speaker === segment.speaker && last.lines.at(-1)?.index === index - 1;
    if (sameTurn) last.lines.push(line);
    else turns.push({ speaker: segment.speaker, start: line.start, lines: [line] });
  });
  return { turns, lineCount: segments.length, query, matchCount };
}

/** The text split around every case-insensitive occurrence of `needle` (already lowercased). */
export function splitMatches(text: string, needle: string): LinePart[] {
  if (!needle) return [{ text, match: false }];
  const lower = text.toLowerCase();
  // Lowercasing can change a string's length (rare letters): then mark the line, not the words.
  if (lower.length !== text.length) {
    return [{ text, match: lower.includes(needle) }];
  }
  const parts: LinePart[] = [];
  let from = 0;
  for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, from)) {
    if (at > from) parts.push({ text: text.slice(from, at), match: false });
    parts.push({ text: text.slice(at, at + needle.length), match: true });
    from = at + needle.length;
  }
  if (from < text.length || parts.length === 0)
    parts.push({ text: text.slice(from), match: false });
  return parts;
}

const finite = (n: number | null) => (n !== null && Number.isFinite(n) ? n : null);

/** Lower-case words only: a quote and the transcript compared without punctuation or spacing. */
function words(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * For each insight, the segments its quote spans: found by its words in the transcript (the
 * occurrence nearest its time when said twice), else the segment at its time.
 */
export function passageLines(
  segments: TranscriptSegment[],
  insights: QuotedInsight[],
): { lineInsight: Map<number, string>; firstLine: Map<number, string> } {
  const lineInsight = new Map<number, string>();
  const firstLine = new Map<number, string>();
  const starts: number[] = [];
  let all = "";
  for (const segment of segments) {
    starts.push(all.length);
    all += `${words(segment.text)} `;
  }
  const lineAt = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  for (const insight of insights) {
    const lines = byWords(insight, all, lineAt, segments) ?? byTime(insight, segments);
    if (!lines) continue;
    const [first, last] = lines;
    if (!firstLine.has(first)) firstLine.set(first, passageAnchor(insight.id));
    for (let i = first; i <= last; i++) if (!lineInsight.has(i)) lineInsight.set(i, insight.id);
  }
  return { lineInsight, firstLine };
}

function byWords(
  insight: QuotedInsight,
  all: string,
  lineAt: (offset: number) => number,
  segments: TranscriptSegment[],
): [number, number] | null {
  const quote = words(insight.quote);
  if (quote.length < 3) return null;
  let best: [number, number] | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (let at = all.indexOf(quote); at !== -1; at = all.indexOf(quote, at + 1)) {
    const span: [number, number] = [lineAt(at), lineAt(at + quote.length - 1)];
    const start = segments[span[0]]?.start ?? null;
    const distance =
      insight.quoteStartS !== null && start !== null ? Math.abs(start - insight.quoteStartS) : 0;
    if (distance < bestDistance) {
      best = span;
      bestDistance = distance;
    }
    if (distance === 0) break;
  }
  return best;
}

function byTime(insight: QuotedInsight, segments: TranscriptSegment[]): [number, number] | null {
  const at = insight.quoteStartS;
  if (at === null) return null;
  let found = -1;
  for (const [index, segment] of segments.entries()) {
    if (segment.start !== null && segment.start <= at) found = index;
  }
  return found === -1 ? null : [found, found];
}
