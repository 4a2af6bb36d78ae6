import type { Segment } from "@/db/schema";
import type { Candidate } from "@/lib/insights/candidates";
import { type Gold, normalWords } from "./gold";

// Structure figures of an episode's insights: what any reader sees at a glance, with or without
// gold. Shared by `npm run eval:insights` and the test that holds the corpus to them.

/** A label or timestamp left in text: a cue arrow, a voice tag, bold markup, a clock time. */
export const LEFTOVER =
  /-->|<\/?v[\s>.]|\*\*|\[Speaker \d|\b\d{1,2}:\d{2}:\d{2}\b|[[(]\s*\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?\s*[\])]|^\s*:?\d{1,2}:\d{2}\b/;

export type Structure = {
  insights: number;
  /** The quote appears, character for character, in the transcript. */
  verbatim: number;
  /** Insights of a transcript that names speakers, and how many of them carry one. */
  speakerStated: number;
  withSpeaker: number;
  timeStated: number;
  withTime: number;
  /** Insights with a label or timestamp inside the headline, body or quote. */
  labelled: number;
  /** Cards that say one sentence twice: the quote inside the body, or the headline as the body. */
  repeated: number;
  /** Interview insights, and how many rest on the host's words. */
  interview: number;
  onHost: number;
  /** Texts found with a leftover label, for the report. */
  examples: string[];
};

export function emptyStructure(): Structure {
  return {
    insights: 0,
    verbatim: 0,
    speakerStated: 0,
    withSpeaker: 0,
    timeStated: 0,
    withTime: 0,
    labelled: 0,
    repeated: 0,
    interview: 0,
    onHost: 0,
    examples: [],
  };
}

export function addStructure(into: Structure, more: Structure): Structure {
  for (const key of Object.keys(into) as (keyof Structure)[]) {
    if (key === "examples") into.examples.push(...more.examples);
    else into[key] += more[key];
  }
  return into;
}

export function structureOf(
  chosen: readonly Candidate[],
  segments: readonly Segment[],
  gold?: Gold,
): Structure {
  const out = emptyStructure();
  const transcript = segments.map((s) => s.text.replace(/\s+/g, " ")).join(" ");
  const speakers = new Set(segments.flatMap((s) => (s.speaker ? [s.speaker] : [])));
  const names = [...speakers, ...(gold?.hosts ?? []), ...(gold?.guests ?? [])];
  // A transcript states a time (or a speaker) for what comes after its first one.
  const firstTimed = segments.findIndex((s) => s.start !== null);
  const firstLabelled = segments.findIndex((s) => s.speaker !== null);
  for (const c of chosen) {
    out.insights++;
    if (transcript.includes(c.grounded.text.replace(/\s+/g, " "))) out.verbatim++;
    const at = c.grounded.segmentIndex;
    if (firstLabelled !== -1 && at >= firstLabelled) {
      out.speakerStated++;
      if (c.grounded.segment.speaker) out.withSpeaker++;
    }
    if (firstTimed !== -1 && at >= firstTimed) {
      out.timeStated++;
      if (c.grounded.segment.start !== null) out.withTime++;
    }
    const texts = [c.headline, c.body, c.grounded.text];
    const leftover = texts.find(
      (text) => LEFTOVER.test(text) || names.some((name) => text.includes(`${name}:`)),
    );
    if (leftover !== undefined) {
      out.labelled++;
      out.examples.push(leftover.slice(0, 160));
    }
    const words = (text: string) => normalWords(text).join(" ");
    const quote = words(c.grounded.text);
    const body = words(c.body);
    if (body.includes(quote) || body.startsWith(words(c.headline))) out.repeated++;
    if (gold?.kind === "interview" && gold.hosts.length > 0) {
      out.interview++;
      if (isHost(c.grounded.segment.speaker, gold.hosts)) out.onHost++;
    }
  }
  return out;
}

/** Labels name people loosely: "Adam" for "Adam Stacoviak", "Dr. Jen Luker" for "Jen Luker". */
export function isHost(speaker: string | null, hosts: readonly string[]): boolean {
  if (!speaker) return false;
  const said = speaker.toLowerCase();
  return hosts.some((host) => {
    const name = host.toLowerCase();
    return name === said || name.startsWith(`${said} `) || said.includes(name);
  });
}

export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
