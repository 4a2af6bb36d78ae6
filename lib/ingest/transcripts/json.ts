import type { Segment } from "@/db/schema";
import { parseNormalPlayTime } from "../chapters";
import { collapseWhitespace } from "./html";

// Podcasting 2.0 JSON transcripts: `{ version, segments: [{ speaker, startTime, endTime, body }] }`.
// Also read: the diarized shape podwhisperer (AWS Bites) publishes, `{ speakers: { spk_0: name },
// segments: [{ speakerLabel, start, end, text }] }`, which is the same information.

const MAX_PAUSE_SECONDS = 1.5;
const MAX_WORDS = 30;

export function parseJson(body: string): Segment[] {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    throw new Error(`not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const entries = Array.isArray(data) ? data : isRecord(data) ? data.segments : undefined;
  if (!Array.isArray(entries)) throw new Error('no "segments" array');
  const names = isRecord(data) && isRecord(data.speakers) ? data.speakers : {};

  const segments: Segment[] = [];
  for (const entry of entries) {
    if (!isRecord(entry)) continue;
    const text = collapseWhitespace(stringOf(entry.body) ?? stringOf(entry.text) ?? "");
    if (text === "") continue;
    const label = stringOf(entry.speaker) ?? stringOf(entry.speakerLabel);
    const named = label === null ? null : (stringOf(names[label]) ?? label);
    segments.push({
      start: secondsOf(entry.startTime ?? entry.start),
      end: secondsOf(entry.endTime ?? entry.end),
      speaker: named === null ? null : collapseWhitespace(named) || null,
      text,
    });
  }
  return isWordLevel(segments) ? mergeWords(segments) : segments;
}

/** Word-level files (a segment per word) are what many hosts publish; most segments are one token. */
function isWordLevel(segments: readonly Segment[]): boolean {
  if (segments.length < 2) return false;
  const single = segments.filter((s) => !/\s/.test(s.text)).length;
  return single / segments.length >= 0.6;
}

/**
 * Joins words into sentence-sized segments: a segment ends with its speaker's turn, at
 * sentence-ending punctuation, at a pause longer than MAX_PAUSE_SECONDS, or at MAX_WORDS.
 */
function mergeWords(words: readonly Segment[]): Segment[] {
  const merged: Segment[] = [];
  let current: Segment | null = null;
  let count = 0;
  for (const word of words) {
    if (current && !continues(current, word, count)) {
      merged.push(current);
      current = null;
    }
    if (!current) {
      current = { ...word };
      count = wordCount(word.text);
      continue;
    }
    current.text = attaches(word.text) ? current.text + word.text : `${current.text} ${word.text}`;
    current.end = word.end ?? current.end;
    count += wordCount(word.text);
  }
  if (current) merged.push(current);
  return merged;
}

function continues(current: Segment, word: Segment, count: number): boolean {
  if (word.speaker !== current.speaker) return false;
  if (attaches(word.text)) return true; // punctuation belongs to the word before it
  if (/[.!?\u2026]["'\u201D\u2019)\]]*$/.test(current.text)) return false;
  if (count >= MAX_WORDS) return false;
  const pause = current.end !== null && word.start !== null ? word.start - current.end : 0;
  return pause <= MAX_PAUSE_SECONDS;
}

/** Tokens written without a space before them: punctuation, and contraction tails ("'s", "n't"). */
function attaches(token: string): boolean {
  return /^(?:[,.;:!?\u2026%)\]}]|['\u2019]\p{Ll}|n['\u2019]t\b)/u.test(token);
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function secondsOf(value: unknown): number | null {
  // Milliseconds are plenty, and they drop float noise such as 3.7600000000000002.
  if (typeof value === "number") {
    return Number.isFinite(value) && value >= 0 ? Math.round(value * 1000) / 1000 : null;
  }
  if (typeof value === "string") return parseNormalPlayTime(value);
  return null;
}

function stringOf(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
