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

/** A feed's podcast:soundbite: a range the publisher picked, in seconds. */
export type Soundbite = { start: number; duration: number; title: string | null };

/**
 * Where "Play the moment" stops: the end of the feed's soundbite that holds the moment (the
 * shortest, when several do), so the publisher's own clip plays whole; else null (play on).
 */
export function soundbiteEnd(
  soundbites: readonly Soundbite[] | null | undefined,
  seconds: number | null,
): number | null {
  if (!soundbites?.length || seconds === null || !Number.isFinite(seconds)) return null;
  const around = soundbites
    .filter(
      (bite) => bite.duration > 0 && bite.start <= seconds && seconds < bite.start + bite.duration,
    )
    .sort((a, b) => a.duration - b.duration)[0];
  return around ? around.start + around.duration : null;
}
