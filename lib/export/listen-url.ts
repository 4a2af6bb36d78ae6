import type { SavedInsight } from "@/lib/export/types";

type ListenSource = Pick<SavedInsight, "audioUrl" | "episodeUrl" | "quoteStartS">;

/**
 * Where to hear the quote: the audio file at the quote's second when both are known, else the
 * episode page. Feed URLs are untrusted, so anything but http(s) is dropped rather than exported
 * as a clickable `javascript:` link.
 */
export function listenUrl(item: ListenSource): string | null {
  const audio = webUrl(item.audioUrl);
  const start = item.quoteStartS;
  if (audio && start !== null && Number.isFinite(start)) {
    const url = new URL(audio);
    url.hash = `t=${Math.max(0, Math.floor(start))}`;
    return url.href;
  }
  return webUrl(item.episodeUrl) ?? audio;
}

function webUrl(raw: string | null): string | null {
  if (!raw || !URL.canParse(raw)) return null;
  const url = new URL(raw);
  return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
}
