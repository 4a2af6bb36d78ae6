// "Listen at 12:34": the audio file at that second (a media fragment), else the episode's page.
// The one rule for it, used by the pages, the brief and the exports. Feed addresses are
// untrusted: only http(s) is ever linked, never a `javascript:` one.

/** The address, normalised, when it is a web (http or https) one; else null. */
export function webUrl(raw: string | null | undefined): string | null {
  if (!raw || !URL.canParse(raw)) return null;
  const url = new URL(raw);
  return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
}

export function listenHref(
  episode: { audioUrl: string | null; link: string | null },
  seconds: number | null,
): string | null {
  const audio = webUrl(episode.audioUrl);
  if (audio && seconds !== null && Number.isFinite(seconds)) {
    const url = new URL(audio);
    url.hash = `t=${Math.max(0, Math.floor(seconds))}`;
    return url.href;
  }
  return webUrl(episode.link) ?? audio;
}
