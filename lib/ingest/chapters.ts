import type { Chapter } from "@/db/schema";

// Chapters come as Podcasting 2.0 JSON files (podcast:chapters) or as Podlove Simple Chapters
// inside the feed; both end up as the same sorted Chapter list.

export class ChaptersParseError extends Error {
  override name = "ChaptersParseError";
}

/**
 * A Podcasting 2.0 chapters file. Chapters without a title or a usable start are dropped
 * (the spec's location-only `toc: false` entries have no title to show); `toc: false`
 * chapters that do have a title are kept, since they are still moments in the episode.
 */
export function parseChaptersJson(body: string): Chapter[] {
  let data: unknown;
  try {
    data = JSON.parse(body.replace(/^\uFEFF/, ""));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ChaptersParseError(`the chapters file is not JSON: ${reason}`);
  }
  const entries = Array.isArray(data) ? data : isRecord(data) ? data.chapters : undefined;
  if (!Array.isArray(entries)) {
    throw new ChaptersParseError("the chapters file has no `chapters` array");
  }
  const chapters: Chapter[] = [];
  for (const entry of entries) {
    const chapter = isRecord(entry) ? toChapter(entry) : null;
    if (chapter) chapters.push(chapter);
  }
  // Array.prototype.sort is stable, so chapters sharing a start keep the file's order.
  return chapters.sort((a, b) => a.start - b.start);
}

function toChapter(entry: Record<string, unknown>): Chapter | null {
  const start = startOf(entry.startTime);
  const title = typeof entry.title === "string" ? entry.title.trim() : "";
  if (start === null || title === "") return null;
  const url = httpUrl(entry.url);
  const image = httpUrl(entry.img);
  return { start, title, ...(url ? { url } : {}), ...(image ? { image } : {}) };
}

/** The spec says a number of seconds; some generators write a string, which costs nothing to accept. */
function startOf(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) && value >= 0 ? value : null;
  if (typeof value === "string") return parseNormalPlayTime(value);
  return null;
}

/** Chapter links are shown to readers, so only web addresses get through (no `javascript:`). */
function httpUrl(value: unknown): string | null {
  if (typeof value !== "string" || value.trim() === "") return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url.toString() : null;
  } catch {
    return null;
  }
}

const NORMAL_PLAY_TIME = /^(?:(?:(\d+):)?(\d+):)?(\d+(?:\.\d*)?)$/;

/**
 * Normal Play Time (RFC 2326) as Podlove Simple Chapters write it: `hh:mm:ss.mmm`, `hh:mm:ss`,
 * `mm:ss`, or plain seconds. Seconds in seconds. The leading field may be any size (`75:30` is
 * fine), but a field below another must stay under 60, or the value is not a time at all.
 */
export function parseNormalPlayTime(value: string): number | null {
  const match = NORMAL_PLAY_TIME.exec(value.trim());
  if (!match) return null;
  const [, hoursText, minutesText, secondsText = ""] = match;
  const hours = hoursText === undefined ? 0 : Number(hoursText);
  const minutes = minutesText === undefined ? 0 : Number(minutesText);
  const seconds = Number(secondsText);
  if (minutesText !== undefined && seconds >= 60) return null;
  if (hoursText !== undefined && minutes >= 60) return null;
  // Rounded to the millisecond so 0.1-style fractions do not pick up binary noise.
  return Math.round((hours * 3600 + minutes * 60 + seconds) * 1000) / 1000;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
