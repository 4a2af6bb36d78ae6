import type { Segment } from "@/db/schema";
import { parseHtml } from "./html";
import { parseJson } from "./json";
import { parseSrt } from "./srt";
import { readText, type TextLayout } from "./text";
import { parseVtt } from "./vtt";

// Which of an episode's podcast:transcript files to read, and reading it into segments.

export type TranscriptFormat = "json" | "vtt" | "srt" | "html" | "text";

export class TranscriptParseError extends Error {
  override name = "TranscriptParseError";
  readonly format: TranscriptFormat;

  constructor(format: TranscriptFormat, reason: string, options?: { cause?: unknown }) {
    super(`cannot read the transcript as ${format}: ${reason}`, options);
    this.format = format;
  }
}

const FORMATS: readonly TranscriptFormat[] = ["json", "vtt", "srt", "html", "text"];

const MIME_FORMATS: Record<string, TranscriptFormat> = {
  "application/json": "json",
  "text/json": "json",
  "text/vtt": "vtt",
  "text/webvtt": "vtt",
  "application/vtt": "vtt",
  "application/x-subrip": "srt",
  "application/srt": "srt",
  "application/x-srt": "srt",
  "text/srt": "srt",
  "text/x-srt": "srt",
  "text/x-subrip": "srt",
  "text/html": "html",
  "application/xhtml+xml": "html",
  "text/plain": "text",
  "text/markdown": "text",
  "text/x-markdown": "text",
};

const EXTENSION_FORMATS: Record<string, TranscriptFormat> = {
  json: "json",
  vtt: "vtt",
  webvtt: "vtt",
  srt: "srt",
  html: "html",
  htm: "html",
  txt: "text",
  text: "text",
  md: "text",
  markdown: "text",
};

/**
 * The format of a podcast:transcript `type` (or a response's Content-Type), falling back to the
 * URL's extension. `text/plain` is what many servers send for any text file, so a more specific
 * extension (`.vtt`, `.srt`, …) wins over it. A bare format name ("vtt") maps to itself, since
 * that is what we store in episodes.transcript_type.
 */
export function transcriptFormatOf(
  mimeType: string | null | undefined,
  url?: string,
): TranscriptFormat | null {
  const mime = (mimeType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const declared =
    MIME_FORMATS[mime] ??
    FORMATS.find((format) => format === mime) ??
    (/^[a-z]+\/(?:[\w.-]+\+)?json$/.test(mime) ? "json" : undefined);
  const fromUrl = url ? extensionFormat(url) : undefined;
  if (declared === "text" && fromUrl && fromUrl !== "text") return fromUrl;
  return declared ?? fromUrl ?? null;
}

function extensionFormat(url: string): TranscriptFormat | undefined {
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url.split(/[?#]/)[0] ?? "";
  }
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  return extension ? EXTENSION_FORMATS[extension] : undefined;
}

/** Richest first: word timings and speakers, then cue timings, then turns, then bare text. */
const PREFERENCE: readonly TranscriptFormat[] = ["json", "vtt", "srt", "html", "text"];

export function pickBestTranscript<T extends { type?: string | null; url: string }>(
  candidates: readonly T[],
): T | null {
  let best: T | null = null;
  let bestRank = PREFERENCE.length;
  for (const candidate of candidates) {
    const format = transcriptFormatOf(candidate.type, candidate.url);
    const rank = format === null ? PREFERENCE.length : PREFERENCE.indexOf(format);
    // Strictly better only, so among equals the feed's first listing wins.
    if (rank < bestRank) {
      best = candidate;
      bestRank = rank;
    }
  }
  return best;
}

const PARSERS: Record<TranscriptFormat, (body: string) => Segment[]> = {
  json: parseJson,
  vtt: parseVtt,
  srt: parseSrt,
  html: parseHtml,
  text: (body) => readText(body).segments,
};

const CUE_TIMING = /^\s*[\d:.,]+\s*-->\s*[\d:.,]+(?:\s+[\w:%.-]+)*\s*$/;

/**
 * The layout a transcript is in, read from its content: servers label transcripts `text/plain`
 * whatever they hold, and file names lie. Null when nothing marks it (then it is plain text).
 */
export function detectTranscriptFormat(body: string): TranscriptFormat | null {
  const text = body.replace(/^\uFEFF/, "").trimStart();
  if (/^[[{]\s*["{[\]}]/.test(text)) {
    try {
      JSON.parse(text);
      return "json";
    } catch {
      // Not JSON after all: `[Speaker 1] …` also opens with a bracket.
    }
  }
  if (/^WEBVTT(?:\s|$)/.test(text)) return "vtt";
  if (/^(?:<\?xml|<!doctype html|<html)/i.test(text)) return "html";
  const lines = text.slice(0, 20_000).split(/\r\n|\r|\n/, 400);
  const cues = lines.filter((line) => CUE_TIMING.test(line)).length;
  if (cues >= 2 && cues * 6 >= lines.filter((line) => line.trim() !== "").length) return "srt";
  const tags = text.slice(0, 20_000).match(/<\/(?:p|cite|time|div|span)>/gi)?.length ?? 0;
  if (tags >= 2 && /^</.test(text)) return "html";
  return null;
}

/**
 * Segments of a transcript. The content decides the layout; the declared format (the feed's
 * `type`, the response's Content-Type or the file's extension) is only used when the content
 * does not say.
 */
export function parseTranscript(body: string, declared: TranscriptFormat = "text"): Segment[] {
  return readTranscript(body, declared).segments;
}

/**
 * A transcript's segments and the layout they were read in, as stored with it: "vtt", "json", …
 * or, for text, "text/labelled", "text/timed" or "text/paragraphs" (no speaker or time label
 * was recognised, so the segments are plain paragraphs: the episode's record says so).
 */
export function readTranscript(
  body: string,
  declared: TranscriptFormat = "text",
): { segments: Segment[]; format: TranscriptFormat | `text/${TextLayout}` } {
  const format = detectTranscriptFormat(body) ?? (declared === "text" ? "text" : declared);
  const clean = body.replace(/^\uFEFF/, "");
  let segments: Segment[];
  let layout: TextLayout | null = null;
  try {
    if (format === "text") ({ segments, layout } = readText(clean));
    else segments = PARSERS[format](clean);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TranscriptParseError(format, reason, { cause: error });
  }
  if (segments.length === 0) {
    const what = format === "vtt" || format === "srt" ? "no cues with text" : "no text";
    throw new TranscriptParseError(format, `${what} found`);
  }
  return { segments, format: layout ? `text/${layout}` : format };
}
