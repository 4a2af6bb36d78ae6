import { decodeHTMLStrict } from "entities";
import type { Segment } from "@/db/schema";
import { collapseWhitespace } from "./html";
import { readCues } from "./vtt";

// SubRip: numbered cues, `hh:mm:ss,ttt --> hh:mm:ss,ttt`, a few lines of text. There is no
// speaker syntax; hosts write "Name: " where a turn begins and leave the following cues bare.

export function parseSrt(body: string): Segment[] {
  const segments: Segment[] = [];
  // The speaker carries over: a label marks the start of a turn, not a single cue.
  let speaker: string | null = null;
  for (const cue of readCues(body)) {
    let part: string[] = [];
    const push = () => {
      const text = cueText(part.join(" "));
      if (text !== "") segments.push({ start: cue.start, end: cue.end, speaker, text });
      part = [];
    };
    for (const line of cue.lines) {
      const labelled = splitSpeakerLabel(stripCodes(line).trimStart());
      if (labelled) {
        push();
        speaker = labelled.speaker;
        part.push(labelled.text);
      } else {
        part.push(line);
      }
    }
    push();
  }
  return segments;
}

/** SubRip text may carry `<i>`/`<font>` tags and `{\an8}` positioning codes; neither is speech. */
function stripCodes(text: string): string {
  return text.replace(/<\/?[a-zA-Z][^<>]*>/g, "").replace(/\{\\[^{}]*\}/g, "");
}

function cueText(text: string): string {
  return collapseWhitespace(decodeHTMLStrict(stripCodes(text)));
}

// One to three capitalised words ("Travis", "Dr. Sarah Lee", "SPEAKER 2"), then a colon.
const LABEL =
  /^(\p{Lu}[\p{L}\p{M}'\u2019.-]*(?:[ \t]+\p{Lu}[\p{L}\p{M}'\u2019.-]*){0,2}(?:[ \t]+\d{1,2})?)[ \t]*:[ \t]+(?=\S)/u;

/** Words that begin a sentence with a colon far more often than they name anyone. */
const NOT_NAMES = new Set(
  (
    "note notes update edit warning example question answer step tip also so but and now well " +
    "okay ok yes no here this that the today why what how remember bonus part chapter episode " +
    "source link re fw ps disclaimer summary transcript quote fact result lesson rule problem " +
    "solution reminder spoiler hint caution important correction sponsor hey hi hello oh wow " +
    "look listen anyway first second third finally next then again plus"
  ).split(" "),
);

/**
 * "Travis: When you first get" → speaker "Travis". Only short, capitalised labels at the very
 * start count, so "Rule one: never…" or a time like "12:30" stay text.
 */
export function splitSpeakerLabel(line: string): { speaker: string; text: string } | null {
  const match = LABEL.exec(line);
  const name = match?.[1]?.trim();
  if (!match || !name || name.length > 32) return null;
  const firstWord = name.split(/\s+/)[0]?.replace(/\.$/, "").toLowerCase() ?? "";
  if (NOT_NAMES.has(firstWord)) return null;
  return { speaker: name, text: line.slice(match[0].length).trim() };
}
