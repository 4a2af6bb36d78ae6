import { formatTimestamp } from "@/lib/format";
import { listenHref } from "@/lib/listen";

// "Listen at 12:34" (lib/listen decides where it goes).

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
