// What the player plays, read from a "Play the moment" link's data attributes (play-moment.tsx).
// Pure: the player and its unit test share it.

export type Track = {
  src: string;
  start: number;
  /** Where to stop (a podcast:soundbite's end), in seconds. */
  end: number | null;
  episodeId: string | null;
  title: string;
  show: string | null;
};

export const SPEEDS = [1, 1.25, 1.5, 1.75, 2, 0.75] as const;
export const SKIP_SECONDS = 15;

/** The track a link asks for, or null when its audio address is not a web (http or https) one. */
export function trackOf(data: DOMStringMap): Track | null {
  const raw = data.playSrc;
  if (!raw || !URL.canParse(raw)) return null;
  const url = new URL(raw);
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  url.hash = "";
  const start = seconds(data.playStart) ?? 0;
  const end = seconds(data.playEnd);
  return {
    src: url.href,
    start,
    end: end !== null && end > start ? end : null,
    episodeId: data.playEpisode || null,
    title: data.playTitle?.trim() || "This episode",
    show: data.playShow?.trim() || null,
  };
}

/** The audio address that starts at `start` (a media fragment, so the browser asks for the right
 * range first instead of the file's beginning). */
export function sourceAt(track: Track): string {
  const url = new URL(track.src);
  url.hash = `t=${Math.floor(track.start)}`;
  return url.href;
}

/** The speed after `rate` in the cycle 1×, 1.25×, … 2×, 0.75×. */
export function nextSpeed(rate: number): number {
  const index = (SPEEDS as readonly number[]).indexOf(rate);
  return SPEEDS[(index + 1) % SPEEDS.length] ?? 1;
}

export function speedLabel(rate: number): string {
  return `${rate}×`;
}

function seconds(value: string | undefined): number | null {
  if (value === undefined || value.trim() === "") return null;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n : null;
}
