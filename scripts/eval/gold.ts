import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Segment } from "@/db/schema";

// The gold moments of tests/fixtures/gold, and where they fall in a parsed transcript. Positions
// are counted in normalized words over all segments, so a moment written against the raw file
// and a quote taken from the parsed segments meet on the same scale.

export const GOLD_DIR = path.resolve(import.meta.dirname, "../../tests/fixtures/gold");

export type GoldSpan = {
  id: string;
  from: string;
  to: string;
  gist: string;
  speaker?: string | null;
  topics?: string[];
  kind?: string;
};

export type Gold = {
  transcript: string;
  language: string;
  kind: "interview" | "conversation" | "solo" | "news";
  hosts: string[];
  guests: string[];
  moments: GoldSpan[];
  traps: GoldSpan[];
};

export type Themes = { themes: { id: string; label: string; moments: string[] }[] };

export function loadGold(dir = GOLD_DIR): Map<string, Gold> {
  const gold = new Map<string, Gold>();
  if (!existsSync(dir)) return gold;
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith(".gold.json")) continue;
    const parsed = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as Gold;
    gold.set(parsed.transcript, parsed);
  }
  return gold;
}

export function loadHoldout(dir = GOLD_DIR): Set<string> {
  const file = path.join(dir, "split.json");
  if (!existsSync(file)) return new Set();
  return new Set((JSON.parse(readFileSync(file, "utf8")) as { holdout: string[] }).holdout);
}

/** Theme ids per moment reference (`<transcript>#<moment id>`). */
export function loadThemes(dir = GOLD_DIR): Map<string, Set<string>> {
  const byMoment = new Map<string, Set<string>>();
  const file = path.join(dir, "themes.json");
  if (!existsSync(file)) return byMoment;
  for (const theme of (JSON.parse(readFileSync(file, "utf8")) as Themes).themes) {
    for (const ref of theme.moments) {
      const set = byMoment.get(ref) ?? new Set<string>();
      set.add(theme.id);
      byMoment.set(ref, set);
    }
  }
  return byMoment;
}

/** Words as compared: lower case, letters and digits only, apostrophes dropped ("don't" = "dont"). */
export function normalWords(text: string): string[] {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/['’‘`]/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The transcript's words in order, with the first word of each segment. */
export class WordStream {
  readonly words: string[] = [];
  readonly segmentStarts: number[] = [];

  constructor(segments: readonly Segment[]) {
    for (const segment of segments) {
      this.segmentStarts.push(this.words.length);
      this.words.push(...normalWords(segment.text));
    }
  }

  /** Where the words of `text` occur, searching from `from`; null when they do not. */
  find(text: string, from = 0): { start: number; end: number } | null {
    const needle = normalWords(text);
    if (needle.length === 0) return null;
    const { words } = this;
    for (let i = Math.max(0, from); i + needle.length <= words.length; i++) {
      let j = 0;
      while (j < needle.length && words[i + j] === needle[j]) j++;
      if (j === needle.length) return { start: i, end: i + needle.length };
    }
    return from > 0 ? this.find(text, 0) : null;
  }

  /** The span from the `from` anchor to the end of the `to` anchor after it. */
  span(gold: GoldSpan): { start: number; end: number } | null {
    const start = this.find(gold.from);
    if (!start) return null;
    const end = this.find(gold.to, start.start);
    return end && end.end > start.start ? { start: start.start, end: end.end } : null;
  }
}

export type Located = GoldSpan & { start: number; end: number };

/** The share of [start, end) that falls inside `span`. */
export function overlap(
  inner: { start: number; end: number },
  span: { start: number; end: number },
) {
  const shared = Math.min(inner.end, span.end) - Math.max(inner.start, span.start);
  return Math.max(0, shared) / Math.max(1, inner.end - inner.start);
}

/** The gold span that holds at least half of a quote's words, if any. */
export function spanHolding<T extends { start: number; end: number }>(
  quote: { start: number; end: number },
  spans: readonly T[],
): T | null {
  return spans.find((span) => overlap(quote, span) >= 0.5) ?? null;
}
