import { decodeHTMLStrict } from "entities";
import type { Segment } from "@/db/schema";
import { parseNormalPlayTime } from "../chapters";
import { collapseWhitespace } from "./html";

// WebVTT, and the cue reader SubRip shares with it: both are blocks of "optional id, timing
// line, text lines" separated by blank lines, and real files bend the rules in the same ways.

export type RawCue = { start: number; end: number; lines: string[] };

const TIMING = /^\s*([\d:.,]+)\s*-->\s*([\d:.,]+)(?:\s|$)/;
const SKIPPED_BLOCK = /^(?:NOTE|STYLE|REGION)(?:\s|$)/;

/** Start and end of a timing line, or null. SubRip's decimal comma is accepted everywhere. */
function parseTiming(line: string | undefined): { start: number; end: number } | null {
  const match = line === undefined ? null : TIMING.exec(line);
  if (!match) return null;
  const start = parseNormalPlayTime((match[1] ?? "").replace(",", "."));
  const end = parseNormalPlayTime((match[2] ?? "").replace(",", "."));
  return start === null || end === null ? null : { start, end };
}

export function readCues(body: string): RawCue[] {
  const lines = body.split(/\r\n|\r|\n/);
  const cues: RawCue[] = [];
  const isBlank = (index: number) => (lines[index] ?? "").trim() === "";
  const skipBlock = (from: number) => {
    let index = from;
    while (index < lines.length && !isBlank(index)) index++;
    return index;
  };

  let i = /^WEBVTT(?:\s|$)/.test(lines[0] ?? "") ? skipBlock(0) : 0;
  while (i < lines.length) {
    const line = lines[i] ?? "";
    const timing = parseTiming(line);
    if (timing) {
      const cue: RawCue = { ...timing, lines: [] };
      i++;
      // A line directly above a timing line is the next cue's id, even when a file forgets the
      // blank line between cues.
      while (
        i < lines.length &&
        !isBlank(i) &&
        !parseTiming(lines[i]) &&
        !parseTiming(lines[i + 1])
      ) {
        cue.lines.push(lines[i] ?? "");
        i++;
      }
      cues.push(cue);
    } else if (isBlank(i) || parseTiming(lines[i + 1])) {
      i++; // a blank line, or a cue id (SubRip's index number, WebVTT's optional name)
    } else if (SKIPPED_BLOCK.test(line)) {
      i = skipBlock(i);
    } else {
      // Text after a stray blank line inside a cue still belongs to that cue.
      const previous = cues.at(-1);
      if (previous && !/^\d+$/.test(line.trim())) previous.lines.push(line);
      i++;
    }
  }
  return cues;
}

// Tag patterns never run past a `<`, so unclosed tags cannot make a cue quadratic to read.
const VOICE = /<v(?:\.[^\s<>]*)?(?:\s+([^<>]*))?>/g;

export function parseVtt(body: string): Segment[] {
  const segments: Segment[] = [];
  for (const cue of readCues(body)) {
    for (const part of voiceParts(cue.lines.join("\n"))) {
      const text = cueText(part.text);
      if (text !== "")
        segments.push({ start: cue.start, end: cue.end, speaker: part.speaker, text });
    }
  }
  return segments;
}

/** A cue may hold several `<v>` spans; each voice gets its own segment with the cue's times. */
function voiceParts(text: string): { speaker: string | null; text: string }[] {
  const parts: { speaker: string | null; text: string }[] = [];
  let speaker: string | null = null;
  let last = 0;
  for (const match of text.matchAll(VOICE)) {
    parts.push({ speaker, text: text.slice(last, match.index) });
    speaker = collapseWhitespace(decodeHTMLStrict(match[1] ?? "")) || null;
    last = match.index + match[0].length;
  }
  parts.push({ speaker, text: text.slice(last) });
  return parts;
}

/** Cue text with every tag (`<c>`, `<i>`, `</v>`, `<00:00:01.000>`) removed and entities decoded. */
function cueText(text: string): string {
  // Tags go without a trace: `<i>word</i>,` must stay "word,".
  return collapseWhitespace(decodeHTMLStrict(text.replace(/<[^<>]*>/g, "")));
}
