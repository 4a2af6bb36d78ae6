import { formatTimestamp } from "@/lib/format";
import { listenHref, webUrl } from "@/lib/listen";

// "Play the moment": a link to the episode's audio at that second (a media fragment), so it works
// without JavaScript. With JavaScript the persistent player (components/player) catches clicks on
// links carrying data-play-src and plays the audio in place from data-play-start instead.

export type PlayableEpisode = {
  id?: string;
  title: string;
  audioUrl: string | null;
  link: string | null;
  podcastTitle?: string;
};

export function PlayMoment({
  episode,
  seconds,
  end,
  label,
  className = "font-medium text-amber-800 underline dark:text-amber-400",
}: {
  episode: PlayableEpisode;
  seconds: number | null;
  /** Where to stop (a soundbite's end), in seconds. */
  end?: number | null;
  /** The link's text; "Play the moment (12:34)" by default. */
  label?: React.ReactNode;
  className?: string;
}) {
  const href = listenHref(episode, seconds);
  if (!href) return seconds !== null ? <span>{formatTimestamp(seconds)}</span> : null;
  const audio = webUrl(episode.audioUrl);
  const start = seconds !== null && Number.isFinite(seconds) ? Math.max(0, Math.floor(seconds)) : 0;
  return (
    <a
      href={href}
      rel="noopener nofollow noreferrer"
      target="_blank"
      className={className}
      data-play-src={audio ?? undefined}
      data-play-start={audio ? start : undefined}
      data-play-end={audio && end ? Math.floor(end) : undefined}
      data-play-episode={audio ? episode.id : undefined}
      data-play-title={audio ? episode.title : undefined}
      data-play-show={audio ? episode.podcastTitle : undefined}
    >
      {label ?? (seconds !== null ? `Play the moment (${formatTimestamp(seconds)})` : "Listen")}
    </a>
  );
}
