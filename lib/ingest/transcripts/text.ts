import type { Segment } from "@/db/schema";
import { parseNormalPlayTime } from "../chapters";
import { collapseWhitespace, decodeEntities } from "./html";
import { splitSpeakerLabel } from "./srt";

// Plain-text and Markdown transcripts: speaker-labelled Markdown (`**Name:** …`, with the odd
// `\[07:46\]` timestamp), Whisper output (a line per stretch of speech, no labels), or just
// paragraphs. Times are only known where the text states them.

/** Lines at most this long are taken as hard-wrapped prose: consecutive ones are one paragraph. */
const HARD_WRAP_WIDTH = 100;

type Head = { speaker: string | null; start: number | null; heading: boolean; rest: string };
type Pending = { speaker: string | null; start: number | null };

const NOTHING_PENDING: Pending = { speaker: null, start: null };

export function parseText(body: string): Segment[] {
  const segments: Segment[] = [];
  let speaker: string | null = null;
  // A label or timestamp standing alone introduces the paragraph after it.
  let pending: Pending = NOTHING_PENDING;
  for (const paragraph of paragraphsOf(withoutFrontMatter(body.split(/\r\n|\r|\n/)))) {
    const head = readHead(paragraph);
    // A lone label followed by another label was a marker, like Changelog's "**Break**: [22:26]",
    // not a speaker: it is dropped together with its time.
    if (pending.speaker !== null && head.speaker !== null) pending = NOTHING_PENDING;
    const text = inlineText(head.rest);
    if (text === "") {
      pending = { speaker: head.speaker ?? pending.speaker, start: head.start ?? pending.start };
      continue;
    }
    const start = head.start ?? pending.start;
    if (!head.heading) speaker = head.speaker ?? pending.speaker ?? speaker;
    pending = NOTHING_PENDING;
    segments.push({ start, end: null, speaker: head.heading ? null : speaker, text });
  }
  return segments;
}

/** YAML front matter (`---` … `---`) is metadata about the episode, not what was said. */
function withoutFrontMatter(lines: string[]): string[] {
  if (lines[0]?.trim() !== "---") return lines;
  const close = lines.findIndex((line, index) => index > 0 && /^(?:---|\.\.\.)\s*$/.test(line));
  return close === -1 ? lines : lines.slice(close + 1);
}

const STRUCTURE = /^(?:#{1,6}\s|>|[-*+]\s|\d+[.)]\s|\*\*|__|\\?[[(]\d)/;
const SEPARATOR = /^\s*(?:(?:[-*_]\s*){3,}|=+|```.*|~~~.*)\s*$/;

/**
 * Blank lines separate paragraphs. Inside a block, hard-wrapped lines join up, while long lines
 * (Whisper writes one per stretch of speech) and lines opening with a label, heading, list item
 * or timestamp each begin a paragraph of their own.
 */
function paragraphsOf(lines: readonly string[]): string[] {
  const paragraphs: string[] = [];
  let block: string[] = [];
  const flush = () => {
    const wrapped = block.every((line) => line.length <= HARD_WRAP_WIDTH);
    let current = "";
    for (const line of block) {
      const starts = !wrapped || STRUCTURE.test(line) || splitSpeakerLabel(line) !== null;
      if (current !== "" && starts) {
        paragraphs.push(current);
        current = "";
      }
      current = current === "" ? line : `${current} ${line}`;
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

// `[07:46]`, `\[01:00:04.02\]`, `(12:34)`, or a link such as `[12:34](https://…#t=754)`.
const TIMESTAMP = /^\\?[[(]\s*(\d{1,2}(?::\d{1,2}){1,2}(?:[.,]\d+)?)\s*\\?[\])](?:\([^)\s]*\))?\s*/;
// `**Name:**`, `**Name**:`, and the same with underscores.
const BOLD_LABEL = /^(\*\*|__)([^*_\n]{1,60}?)(?::\1|\1\s*:)\s*/;

function readHead(paragraph: string): Head {
  const heading = /^#{1,6}\s/.test(paragraph);
  let rest = paragraph
    .replace(/^#{1,6}\s+/, "")
    .replace(/^(?:>\s?)+/, "")
    .replace(/^(?:[-*+]|\d+[.)])\s+/, "");
  let speaker: string | null = null;
  let start: number | null = null;
  // Label and timestamp come in either order: "**Name:** [12:34] …" or "[12:34] **Name:** …".
  for (let round = 0; round < 2; round++) {
    const time: Taken<number> | null = start === null ? takeTimestamp(rest) : null;
    if (time) {
      start = time.value;
      rest = time.rest;
    }
    const label: Taken<string> | null = speaker === null && !heading ? takeLabel(rest) : null;
    if (label) {
      speaker = label.value;
      rest = label.rest;
    }
  }
  return { speaker, start, heading, rest };
}

/** Something read off the front of a paragraph, and what is left after it. */
type Taken<T> = { value: T; rest: string };

function takeTimestamp(text: string): Taken<number> | null {
  const match = TIMESTAMP.exec(text);
  const seconds = match ? parseNormalPlayTime((match[1] ?? "").replace(",", ".")) : null;
  return match && seconds !== null ? { value: seconds, rest: text.slice(match[0].length) } : null;
}

function takeLabel(text: string): Taken<string> | null {
  const bold = BOLD_LABEL.exec(text);
  if (!bold) {
    const plain = splitSpeakerLabel(text);
    return plain ? { value: plain.speaker, rest: plain.text } : null;
  }
  const name = inlineText(bold[2] ?? "");
  return name ? { value: name, rest: text.slice(bold[0].length) } : null;
}

// Backslash escapes are parked in the private-use area so they cannot pair up as markup.
const PARK = 0xe000;
const ESCAPED = /\\([!-/:-@[-`{-~])/g;
const PARKED = /[\uE000-\uE07F]/g;

/**
 * The words of a Markdown line: emphasis, links, code spans, inline HTML and escapes removed.
 * Every pattern is bounded or stops at a delimiter, so an unclosed `[` or `**` repeated through a
 * huge line costs linear time rather than quadratic.
 */
function inlineText(markdown: string): string {
  const text = markdown
    .replace(ESCAPED, (_escape, char: string) => String.fromCharCode(PARK + char.charCodeAt(0)))
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
  return collapseWhitespace(decodeEntities(text));
}
