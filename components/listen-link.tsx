import { formatTimestamp } from "@/lib/format";

// "Listen at 12:34": the audio file at that second (media fragment), else the episode's page.

export function listenHref(
  episode: { audioUrl: string | null; link: string | null },
  seconds: number | null,
) {
  const safe = (url: string | null) => (url && /^https?:\/\//i.test(url) ? url : null);
  const audio = safe(episode.audioUrl);
  if (audio && seconds !== null) return `${audio.split("#")[0]}#t=${Math.floor(seconds)}`;
  return safe(episode.link) ?? audio;
}

export function ListenLink({
  episode,
  seconds,
}: {
  episode: { audioUrl: string | null; link: string | null };
  seconds: number | null;
}) {
  const href = listenHref(episode, seconds);
  if (!href) return seconds !== null ? <span>{formatTimestamp(seconds)}</span> : null;
  return (
    <a
      href={href}
      rel="noopener nofollow noreferrer"
      target="_blank"
      className="font-medium text-amber-800 underline dark:text-amber-400"
    >
      {seconds !== null ? `Listen at ${formatTimestamp(seconds)}` : "Listen"}
    </a>
  );
}
