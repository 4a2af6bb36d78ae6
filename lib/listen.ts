// "Listen at 12:34": the audio file at that second (a media fragment), else the episode's page.
// Only http(s) addresses from feeds are ever linked.

export function listenHref(
  episode: { audioUrl: string | null; link: string | null },
  seconds: number | null,
): string | null {
  const safe = (url: string | null) => (url && /^https?:\/\//i.test(url) ? url : null);
  const audio = safe(episode.audioUrl);
  if (audio && seconds !== null) return `${audio.split("#")[0]}#t=${Math.floor(seconds)}`;
  return safe(episode.link) ?? audio;
}
