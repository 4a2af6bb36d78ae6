import type { Segment } from "@/db/schema";
import { collapseWhitespace } from "./html";
import { linesOpenWithBareTimes, readHead, VOICE_HEAD } from "./text-head";
import { inlineText } from "./text-inline";

// Plain-text and Markdown transcripts, in the layouts shows publish them:
//   **Name:** text  ·  **Name** [hh:mm:ss] text  ·  h:mm:ss.s **Name** text
//   Name  m:ss   (Otter: a header line, the words on the lines after it)
//   Name hh:mm:ss:  ·  Name (hh:mm:ss):  then paragraphs, `(hh:mm:ss):` alone for a continuation
//   [Speaker N] [mm:ss] text  ·  hh:mm:ss text (unlabeled)  ·  hh:mm:ss <v Name>text
//   Name: text  ·  Name (AB): text, then AB: text  ·  Whisper text with no labels at all.
// A line opens with a "head" of labels and timestamps in any order; they become the segment's
// speaker and start, never its text. Times are only known where the text states them.

/** Lines at most this long are taken as hard-wrapped prose: consecutive ones are one paragraph. */
const HARD_WRAP_WIDTH = 100;

type Pending = { speaker: string | null; start: number | null };

const NOTHING_PENDING: Pending = { speaker: null, start: null };

/** How the text was laid out, as far as the parser could tell: stored with the transcript. */
export type TextLayout = "labelled" | "timed" | "paragraphs";

export function parseText(body: string): Segment[] {
  return readText(body).segments;
}

export function readText(body: string): { segments: Segment[]; layout: TextLayout } {
  const { lines, speakers } = withoutFrontMatter(body.split(/\r\n|\r|\n/));
  const names = new SpeakerNames(speakers);
  const bareTimes = linesOpenWithBareTimes(lines);
  const segments: Segment[] = [];
  let speaker: string | null = null;
  // A label or timestamp standing alone introduces the paragraph after it.
  let pending: Pending = NOTHING_PENDING;
  for (const paragraph of paragraphsOf(lines, bareTimes)) {
    const head = readHead(paragraph, bareTimes);
    const labelled = head.speaker === null ? null : names.resolve(head.speaker);
    // A lone label followed by another label was a marker, like Changelog's "**Break**: [22:26]",
    // not a speaker: it is dropped together with its time.
    if (pending.speaker !== null && labelled !== null) pending = NOTHING_PENDING;
    const parts = voiceParts(head.rest, head.speaker);
    if (parts.every((part) => inlineText(part.text) === "")) {
      const voice = parts.findLast((part) => part.speaker !== null)?.speaker ?? null;
      pending = {
        speaker: labelled ?? (voice ? names.resolve(voice) : null) ?? pending.speaker,
        start: head.start ?? pending.start,
      };
      continue;
    }
    // A header's time wins over one repeated on every line after it (garbled Otter exports).
    const stated = pending.start ?? head.start;
    if (!head.heading) speaker = labelled ?? pending.speaker ?? speaker;
    pending = NOTHING_PENDING;
    for (const part of parts) {
      if (part.speaker !== null && !head.heading) speaker = names.resolve(part.speaker);
      const text = inlineText(part.text);
      if (text === "" || isNotSpeech(text)) continue;
      segments.push({ start: stated, end: null, speaker: head.heading ? null : speaker, text });
    }
  }
  estimateStarts(segments);
  const layout: TextLayout = segments.some((s) => s.speaker !== null)
    ? "labelled"
    : segments.some((s) => s.start !== null)
      ? "timed"
      : "paragraphs";
  return { segments, layout };
}

/**
 * Many transcripts state a time only every few turns (Changelog: every few minutes). A segment
 * between two stated times gets one in proportion to the words said before it, rounded down;
 * after the last stated time it keeps that time, a moment before it was said. Before the first
 * stated time nothing is known, and the start stays null.
 */
function estimateStarts(segments: Segment[]) {
  const stated = segments.flatMap((s, i) => (s.start === null ? [] : [i]));
  if (stated.length === 0) return;
  const words = segments.map((s) => s.text.split(/\s+/).length);
  for (let k = 0; k < stated.length; k++) {
    const from = stated[k] as number;
    const to = stated[k + 1] ?? segments.length;
    const t0 = segments[from]?.start as number;
    const t1 = segments[to]?.start ?? null;
    if (t1 === null || t1 < t0) {
      for (let i = from + 1; i < to; i++) (segments[i] as Segment).start = t0;
      continue;
    }
    let total = 0;
    for (let i = from; i < to; i++) total += words[i] ?? 0;
    let said = 0;
    for (let i = from + 1; i < to; i++) {
      said += words[i - 1] ?? 0;
      (segments[i] as Segment).start = Math.floor(t0 + ((t1 - t0) * said) / total);
    }
  }
}

/**
 * YAML front matter (`---` … `---`) is metadata about the episode, not what was said; its
 * `speakers:` list is kept to expand initials ("AB:" for Adam Back).
 */
function withoutFrontMatter(lines: string[]): { lines: string[]; speakers: string[] } {
  if (lines[0]?.replace(/^\uFEFF/, "").trim() !== "---") return { lines, speakers: [] };
  const close = lines.findIndex((line, index) => index > 0 && /^(?:---|\.\.\.)\s*$/.test(line));
  if (close === -1) return { lines, speakers: [] };
  const speakers: string[] = [];
  let inSpeakers = false;
  for (const line of lines.slice(1, close)) {
    if (/^speakers\s*:/i.test(line)) inSpeakers = true;
    else if (inSpeakers && /^\s+-\s+/.test(line))
      speakers.push(line.replace(/^\s+-\s+/, "").replace(/^["']|["']$/g, ""));
    else if (!/^\s/.test(line)) inSpeakers = false;
  }
  return { lines: lines.slice(close + 1), speakers };
}

/** Full names for labels given as initials, from the front matter or a "Name (AB):" label. */
class SpeakerNames {
  private readonly initials = new Map<string, string | null>();

  constructor(known: readonly string[]) {
    for (const name of known) this.learn(name, initialsOf(name));
  }

  learn(name: string, initials: string) {
    // Two people with the same initials: neither gets them.
    const seen = this.initials.get(initials);
    this.initials.set(initials, seen === undefined || seen === name ? name : null);
  }

  resolve(label: string): string {
    const introduced = /^(.+?)\s*\(([A-Z]{2,4})\)$/.exec(label);
    if (introduced?.[1] && introduced[2]) {
      this.learn(introduced[1], introduced[2]);
      return introduced[1];
    }
    return /^[A-Z]{2,4}$/.test(label) ? (this.initials.get(label) ?? label) : label;
  }
}

function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .map((word) => word[0] ?? "")
    .join("")
    .toUpperCase();
}

const STRUCTURE = /^(?:#{1,6}\s|>|[-*+]\s|\d+[.)]\s|\*\*|__|\\?[[(]\d)/;
const SEPARATOR = /^\s*(?:(?:[-*_]\s*){3,}|=+|```.*|~~~.*)\s*$/;

/**
 * Blank lines separate paragraphs. Inside a block, hard-wrapped lines join up, while long lines
 * (Whisper writes one per stretch of speech) and lines opening with a label, heading, list item
 * or timestamp each begin a paragraph of their own.
 */
function paragraphsOf(lines: readonly string[], bareTimes: boolean): string[] {
  const paragraphs: string[] = [];
  let block: string[] = [];
  const flush = () => {
    const wrapped = block.every((line) => line.length <= HARD_WRAP_WIDTH);
    let current = "";
    for (const line of block) {
      const starts = !wrapped || STRUCTURE.test(line) || opensTurn(line, bareTimes);
      if (current !== "" && starts) {
        paragraphs.push(current);
        current = "";
      }
      current = current === "" ? line : `${current} ${line}`;
      // A header line (label and time, nothing else) stands alone, so its words come next.
      if (opensTurn(line, bareTimes) && inlineText(readHead(line, bareTimes).rest) === "") {
        paragraphs.push(current);
        current = "";
      }
    }
    if (current !== "") paragraphs.push(current);
    block = [];
  };
  for (const line of lines) {
    if (line.trim() === "" || SEPARATOR.test(line)) flush();
    else block.push(line.trim());
  }
  flush();
  return paragraphs;
}

function opensTurn(line: string, bareTimes: boolean): boolean {
  const head = readHead(line, bareTimes);
  return head.speaker !== null || head.start !== null || VOICE_HEAD.test(head.rest);
}

/** `<v Name>` spans inside a line (Whisper hybrids): each voice is a part with its speaker. */
function voiceParts(
  text: string,
  opening: string | null,
): { speaker: string | null; text: string }[] {
  if (!text.includes("<v")) return [{ speaker: null, text }];
  const parts: { speaker: string | null; text: string }[] = [];
  let speaker = opening;
  let last = 0;
  for (const match of text.matchAll(/<v(?:\.[^\s<>]*)?\s+([^<>]*)>/g)) {
    parts.push({ speaker, text: text.slice(last, match.index) });
    speaker = collapseWhitespace(match[1] ?? "") || null;
    last = match.index + match[0].length;
  }
  parts.push({ speaker, text: text.slice(last) });
  // Consecutive spans of one voice are one part, so a sentence is not cut at a tag.
  return parts.reduce<{ speaker: string | null; text: string }[]>((merged, part) => {
    const previous = merged.at(-1);
    if (previous && previous.text.trim() === "") merged[merged.length - 1] = { ...part };
    else if (previous && (part.speaker === previous.speaker || part.speaker === null))
      previous.text += ` ${part.text}`;
    else merged.push({ ...part });
    return merged;
  }, []);
}

/** Stage directions, `[inaudible]` alone, and transcript credits are not speech. */
function isNotSpeech(text: string): boolean {
  return (
    /^[([][^()[\]]*[)\]]$/.test(text) ||
    /^(?:transcri(?:pt|bed)(?: completed)? by|edited by|transcript)\b[^.!?]*$/i.test(text)
  );
}
