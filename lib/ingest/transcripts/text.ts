import { decodeHTMLStrict } from "entities";
import type { Segment } from "@/db/schema";
import { parseNormalPlayTime } from "../chapters";
import { collapseWhitespace } from "./html";
import { splitSpeakerLabel } from "./srt";

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

type Head = { speaker: string | null; start: number | null; heading: boolean; rest: string };
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

// A time as transcripts write it: `1:02:03`, `00:12:34.5`, `12:34,880`.
const TIME = String.raw`\d{1,2}(?::\d{1,2}){1,2}(?:[.,]\d+)?`;
// `[07:46]`, `\[01:00:04.02\]`, `(12:34)`, `(00:13:10):`, or a link `[12:34](https://…#t=754)`.
const BRACKETED_TIME = new RegExp(
  String.raw`^\\?[[(]\s*(${TIME})\s*\\?[\])](?:\([^)\s]*\))?:?(?:\s+|$)`,
);
// `0:00:12.6 ` at the start of a line, or an SRT timing garbled into one: `00:01:19,880 --> 00:01:53.1`.
const BARE_TIME = new RegExp(String.raw`^:?(${TIME})(?:\s*-->\s*${TIME})?:?(?:\s+|$)`);
// `**Name:**`, `**Name**:`, the same with underscores, and `**Name**` before a time.
const BOLD_LABEL = /^(\*\*|__)([^*_\n]{1,60}?)(?::\1|\1\s*:)\s*/;
const BOLD_NAME = /^(\*\*|__)([^*_\n]{1,60}?)\1\s+/;
// Capitalised words, or a generic label such as "Speaker 1", "SPEAKER_2", "Unknown Speaker".
const NAME = String.raw`\p{Lu}[\p{L}\p{M}'\u2019._-]*(?:[ \t]+(?:\p{Lu}[\p{L}\p{M}'\u2019._-]*|\d{1,2})){0,3}`;
// After a label: a bare time that ends the line, or a bracketed one that may have words after it.
const LABEL_TIME = String.raw`[ \t]+(?:(${TIME}):?\s*$|\\?[[(](${TIME})\\?[\])]:?(?:\s+|$))`;
// `Name  0:04`, `Stephan 00:00:00:`, `Jane Doe (00:12:34):`, `Ali [00:00:33] text`.
const NAME_TIME = new RegExp(`^(${NAME})${LABEL_TIME}`, "u");
// `**Kelly**  0:00`, `**Ali** [00:00:33] text`.
const BOLD_NAME_TIME = new RegExp(String.raw`^(\*\*|__)([^*_\n]{1,60}?)\1${LABEL_TIME}`);
// `[Speaker 1]`, `[Jane Doe]`, when a time follows (so `[laughs]` stays text).
const BRACKET_NAME = new RegExp(String.raw`^\[(${NAME})\]\s+(?=\\?[[(]?${TIME})`, "u");
// `Peter McCormack (PM): text` introduces the initials used after it.
const INITIALS_LABEL = new RegExp(String.raw`^(${NAME})\s*\(([A-Z]{2,4})\)\s*:\s*`, "u");
const VOICE_HEAD = /^<v(?:\.[^\s<>]*)?\s+([^<>]*)>/;

/** Does the text open most lines with a bare time (`00:00:00 What…`)? Then such a time is a head. */
function linesOpenWithBareTimes(lines: readonly string[]): boolean {
  let timed = 0;
  let total = 0;
  for (const line of lines) {
    if (line.trim() === "") continue;
    total++;
    if (BARE_TIME.test(line.trim())) timed++;
  }
  return total > 0 && timed / total >= 0.3;
}

function readHead(paragraph: string, bareTimes: boolean): Head {
  const heading = /^#{1,6}\s/.test(paragraph);
  // A quotation is someone else's words read out, not a turn: its bold text is not a label.
  const quotation = /^>/.test(paragraph);
  let rest = paragraph
    .replace(/^\uFEFF/, "")
    .replace(/^#{1,6}\s+/, "")
    .replace(/^(?:>\s?)+/, "")
    .replace(/^(?:[-*+]|\d+[.)])\s+/, "");
  let speaker: string | null = null;
  let start: number | null = null;
  // Labels and times come in any order: "**Name:** [12:34] …", "[12:34] **Name:** …",
  // "0:00 Name  00:10" (a garbled export), "[Speaker 1] [00:00] …".
  for (let round = 0; round < 3; round++) {
    const time: Taken<number> | null = start === null ? takeTimestamp(rest, bareTimes) : null;
    if (time) {
      start = time.value;
      rest = time.rest;
    }
    const label: TakenLabel | null =
      speaker === null && !heading && !quotation ? takeLabel(rest, bareTimes) : null;
    if (label) {
      speaker = label.value;
      rest = label.rest;
      // A header's own time wins over a prefix garbled onto every line ("0:00 Name  00:10").
      if (label.start !== null) start = label.start;
    }
    if (!time && !label) break;
  }
  return { speaker, start, heading, rest };
}

/** Something read off the front of a paragraph, and what is left after it. */
type Taken<T> = { value: T; rest: string };
type TakenLabel = Taken<string> & { start: number | null };

function takeTimestamp(text: string, bareTimes: boolean): Taken<number> | null {
  const match = BRACKETED_TIME.exec(text) ?? (bareTimes ? BARE_TIME.exec(text) : null);
  const seconds = match ? parseNormalPlayTime((match[1] ?? "").replace(",", ".")) : null;
  return match && seconds !== null ? { value: seconds, rest: text.slice(match[0].length) } : null;
}

function takeLabel(text: string, bareTimes: boolean): TakenLabel | null {
  const taken = (value: string, length: number, start: number | null = null) => {
    const name = collapseWhitespace(inlineText(value));
    return name ? { value: name, rest: text.slice(length), start } : null;
  };
  const bold = BOLD_LABEL.exec(text);
  if (bold) return taken(bold[2] ?? "", bold[0].length);
  const boldTime = BOLD_NAME_TIME.exec(text);
  if (boldTime)
    return taken(boldTime[2] ?? "", boldTime[0].length, timeOf(boldTime[3] ?? boldTime[4]));
  // `**Name**` without a colon or a time is a label where lines open with times (Orbit FM).
  const boldName = bareTimes ? BOLD_NAME.exec(text) : null;
  if (boldName) return taken(boldName[2] ?? "", boldName[0].length);
  const initials = INITIALS_LABEL.exec(text);
  if (initials) return taken(`${initials[1]} (${initials[2]})`, initials[0].length);
  const nameTime = NAME_TIME.exec(text);
  if (nameTime && !NOT_NAMES.has(nameTime[1]?.toLowerCase() ?? "")) {
    return taken(nameTime[1] ?? "", nameTime[0].length, timeOf(nameTime[2] ?? nameTime[3]));
  }
  const bracket = BRACKET_NAME.exec(text);
  if (bracket) return taken(bracket[1] ?? "", bracket[0].length);
  const voice = VOICE_HEAD.exec(text);
  if (voice) return taken(voice[1] ?? "", voice[0].length);
  const plain = splitSpeakerLabel(text);
  return plain ? { value: plain.speaker, rest: plain.text, start: null } : null;
}

function timeOf(text: string | undefined): number | null {
  return text === undefined ? null : parseNormalPlayTime(text.replace(",", "."));
}

/** A single word that opens a sentence with a time after it ("Chapter 12:30") is no name. */
const NOT_NAMES = new Set(["at", "chapter", "part", "episode", "break", "minute", "time"]);

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

// Backslash escapes are parked in the private-use area so they cannot pair up as markup.
const PARK = 0xe000;
const ESCAPED = /\\([!-/:-@[-`{-~])/g;
const PARKED = /[\uE000-\uE07F]/g;
// A time inside the words: `[unintelligible 00:41:08.16]` keeps its note and loses its time.
const INLINE_TIME = new RegExp(String.raw`\s*(?:\uE05B|\[|\()\s*(${TIME})\s*(?:\uE05D|\]|\))`, "g");
const NOTE_TIME = new RegExp(
  String.raw`([[(][^\])\d]{1,40}?)\s+${TIME}\s*(?=[^\])]{0,60}[\])])`,
  "g",
);

/**
 * The words of a Markdown line: emphasis, links, code spans, inline HTML, escapes and stray
 * timestamps removed. Every pattern is bounded or stops at a delimiter, so an unclosed `[` or
 * `**` repeated through a huge line costs linear time rather than quadratic.
 */
function inlineText(markdown: string): string {
  const text = markdown
    .replace(ESCAPED, (_escape, char: string) => String.fromCharCode(PARK + char.charCodeAt(0)))
    .replace(INLINE_TIME, "")
    .replace(/<!--[\s\S]*?(?:-->|$)/g, "")
    .replace(/!?\[([^[\]]{0,500})\]\([^()\s]{0,2000}(?:\s+"[^"]{0,500}")?\)/g, "$1")
    .replace(/\[([^[\]]{1,500})\]\[[^[\]]{0,100}\]/g, "$1")
    .replace(/<((?:https?|mailto):[^<>\s]{1,2000})>/g, "$1")
    .replace(/<\/?[a-zA-Z][^<>]*>/g, "")
    .replace(/`+([^`]*?)`+/g, "$1")
    .replace(/(\*\*|__)(?=\S)(.{1,1000}?)(?<=\S)\1/g, "$2")
    .replace(/(?<![\p{L}\p{N}*])\*(?=\S)(.{1,1000}?)(?<=\S)\*(?![\p{L}\p{N}*])/gu, "$1")
    .replace(/(?<![\p{L}\p{N}_])_(?=\S)(.{1,1000}?)(?<=\S)_(?![\p{L}\p{N}_])/gu, "$1")
    .replace(/~~(?=\S)(.{1,1000}?)(?<=\S)~~/g, "$1")
    .replace(/\*{2,}|_{2,}|~~/g, "")
    .replace(PARKED, (char) => String.fromCharCode(char.charCodeAt(0) - PARK));
  return collapseWhitespace(
    decodeHTMLStrict(text)
      .replace(NOTE_TIME, "$1 ")
      .replace(/\s+([\])])/g, "$1"),
  );
}
