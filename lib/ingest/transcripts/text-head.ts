import { parseNormalPlayTime } from "../chapters";
import { collapseWhitespace } from "./html";
import { splitSpeakerLabel } from "./srt";
import { inlineText, TIME } from "./text-inline";

// The head of a transcript paragraph: the labels and timestamps it opens with, in any order.
// They become the segment's speaker and start, never its text.

export type Head = { speaker: string | null; start: number | null; heading: boolean; rest: string };

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
export const VOICE_HEAD = /^<v(?:\.[^\s<>]*)?\s+([^<>]*)>/;

/** Does the text open most lines with a bare time (`00:00:00 What…`)? Then such a time is a head. */
export function linesOpenWithBareTimes(lines: readonly string[]): boolean {
  let timed = 0;
  let total = 0;
  for (const line of lines) {
    if (line.trim() === "") continue;
    total++;
    if (BARE_TIME.test(line.trim())) timed++;
  }
  return total > 0 && timed / total >= 0.3;
}

export function readHead(paragraph: string, bareTimes: boolean): Head {
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
