import Link from "next/link";
import { Transcript } from "@/app/_views/transcript";
import { type PlayableEpisode, PlayMoment } from "@/components/player/play-moment";
import { ShowArtwork } from "@/components/show-artwork";
import { formatDuration, formatRelativeDay, formatTimestamp } from "@/lib/format";
import type { EpisodeData } from "@/lib/views/episode";

const linkClass = "font-medium text-amber-800 underline dark:text-amber-400";

/** An episode's page: its insights in the order said, its chapters and its transcript. */
export function EpisodeView({ data }: { data: EpisodeData }) {
  const { episode } = data;
  const playable: PlayableEpisode = {
    id: episode.id,
    title: episode.title,
    audioUrl: episode.audioUrl,
    link: episode.link,
    podcastTitle: episode.podcast.title,
  };
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-8">
      <div className="flex items-start gap-4">
        <ShowArtwork podcastId={episode.podcast.id} size={64} />
        <div className="min-w-0">
          <p className="text-sm font-medium">
            <Link href={`/shows/${episode.podcast.id}`} className={linkClass}>
              {episode.podcast.title || "Untitled show"}
            </Link>
          </p>
          <h1 className="mt-1 text-2xl font-bold leading-tight break-words sm:text-3xl">
            {episode.title || "Untitled episode"}
          </h1>
          <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
            {[
              episode.publishedAt ? formatRelativeDay(episode.publishedAt) : null,
              episode.durationSeconds ? formatDuration(episode.durationSeconds) : null,
            ]
              .filter(Boolean)
              .join(" · ")}
          </p>
          <p className="mt-2">
            <PlayMoment
              episode={playable}
              seconds={0}
              label="▶ Play episode"
              className={linkClass}
            />
          </p>
        </div>
      </div>
      <Insights data={data} playable={playable} />
      <Chapters chapters={data.chapters} playable={playable} />
      {data.transcript ? (
        <Transcript
          transcript={data.transcript}
          playable={playable}
          here={`/episodes/${episode.id}`}
        />
      ) : (
        <p className="mt-8 text-stone-600 dark:text-stone-300">
          This episode has no transcript{episode.showNotesText ? "; its show notes follow." : "."}
        </p>
      )}
      {!data.transcript && episode.showNotesText ? (
        <p className="mt-2 whitespace-pre-line break-words text-stone-700 dark:text-stone-300">
          {episode.showNotesText}
        </p>
      ) : null}
    </main>
  );
}

function Insights({ data, playable }: { data: EpisodeData; playable: PlayableEpisode }) {
  return (
    <section aria-labelledby="insights-heading" className="mt-8">
      <h2 id="insights-heading" className="text-lg font-semibold">
        Insights
      </h2>
      {data.insights.length === 0 ? (
        <p className="mt-2 text-stone-600 dark:text-stone-300">
          No insights from this episode yet.
        </p>
      ) : (
        <ol className="mt-3 space-y-3">
          {data.insights.map((insight) => (
            <li
              key={insight.id}
              className="rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900"
            >
              <h3 className="font-semibold break-words">
                <Link href={`/insights/${insight.id}`} className="hover:underline">
                  {insight.headline}
                </Link>
              </h3>
              <p className="mt-1 text-sm text-stone-700 dark:text-stone-300">{insight.body}</p>
              <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
                {insight.quoteStartS !== null ? (
                  <PlayMoment
                    episode={playable}
                    seconds={insight.quoteStartS}
                    className={linkClass}
                  />
                ) : null}
                {insight.passage ? (
                  <a href={`#${insight.passage}`} className={linkClass}>
                    ↓ In the transcript
                  </a>
                ) : null}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Chapters({
  chapters,
  playable,
}: {
  chapters: EpisodeData["chapters"];
  playable: PlayableEpisode;
}) {
  if (chapters.length === 0) return null;
  return (
    <section aria-labelledby="chapters-heading" className="mt-8">
      <h2 id="chapters-heading" className="text-lg font-semibold">
        Chapters
      </h2>
      <ol className="mt-2 space-y-1 text-sm">
        {chapters.map((chapter) => (
          <li key={`${chapter.start}-${chapter.title}`} className="flex gap-3">
            <PlayMoment
              episode={playable}
              seconds={chapter.start}
              label={formatTimestamp(chapter.start)}
              className={`${linkClass} tabular-nums`}
            />
            <span className="break-words">{chapter.title}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
