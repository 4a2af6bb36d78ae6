import Link from "next/link";
import { type PlayableEpisode, PlayMoment } from "@/components/player/play-moment";
import { TranscriptSearch } from "@/components/transcript-search";
import { inputClass, quietButtonClass } from "@/components/ui";
import { formatTimestamp } from "@/lib/format";
import type { EpisodeData } from "@/lib/views/episode";
import type { TranscriptLine } from "@/lib/views/transcript-lines";

// An episode's transcript, rendered on the server as plain text (it is untrusted): speaker turns,
// each line playable from its time, the passages insights quote marked, and a search that is a
// plain GET form, so it works without JavaScript.

type Transcript = NonNullable<EpisodeData["transcript"]>;

const linkClass = "font-medium text-amber-800 underline dark:text-amber-400";

export function Transcript({
  transcript,
  playable,
  here,
}: {
  transcript: Transcript;
  playable: PlayableEpisode;
  here: string;
}) {
  const searching = transcript.query !== "";
  return (
    <section aria-labelledby="transcript-heading" className="mt-8">
      <h2 id="transcript-heading" className="text-lg font-semibold">
        Transcript
      </h2>
      <form method="get" action={`${here}#transcript-heading`} className="mt-2 flex gap-2">
        <label htmlFor="transcript-q" className="sr-only">
          Search the transcript
        </label>
        <TranscriptSearch
          containerId="transcript-lines"
          defaultValue={transcript.query}
          className={inputClass}
        />
        <button type="submit" className={quietButtonClass}>
          Search
        </button>
      </form>
      {searching ? (
        <p className="mt-2 text-sm text-stone-700 dark:text-stone-300" role="status">
          {transcript.matchCount === 0
            ? `No line says “${transcript.query}”.`
            : `${transcript.matchCount} ${transcript.matchCount === 1 ? "line says" : "lines say"} “${transcript.query}”.`}{" "}
          <Link href={here} className={linkClass}>
            Show the whole transcript
          </Link>
        </p>
      ) : null}
      <div id="transcript-lines" className="mt-4 space-y-4">
        {transcript.turns.map((turn) => (
          <div key={turn.lines[0]?.index} data-turn>
            {turn.speaker ? (
              <p className="text-sm font-semibold text-stone-900 dark:text-stone-100">
                {turn.speaker}
              </p>
            ) : null}
            {turn.lines.map((line) => (
              <Line key={line.index} line={line} playable={playable} />
            ))}
          </div>
        ))}
      </div>
      <p className="mt-4 text-xs text-stone-600 dark:text-stone-400">
        {transcript.lineCount} lines, from{" "}
        {transcript.source === "speech"
          ? "speech recognition"
          : transcript.source === "feed"
            ? "the show’s own transcript"
            : "the show notes"}
        .
      </p>
    </section>
  );
}

function Line({ line, playable }: { line: TranscriptLine; playable: PlayableEpisode }) {
  const passage = line.insightId !== null;
  return (
    <p
      data-line={line.index}
      id={line.anchor ?? undefined}
      className={`mt-1 break-words text-stone-800 dark:text-stone-200 ${passage ? "scroll-mt-4 border-l-4 border-amber-500 bg-amber-50 pl-2 dark:bg-amber-950" : ""}`}
    >
      {line.start !== null ? (
        <>
          <PlayMoment
            episode={playable}
            seconds={line.start}
            label={
              <>
                <span className="sr-only">Play from </span>
                {formatTimestamp(line.start)}
              </>
            }
            className={`${linkClass} mr-2 text-sm tabular-nums`}
          />{" "}
        </>
      ) : null}
      {passage ? <span className="sr-only">Quoted by an insight: </span> : null}
      <span data-text>
        {line.parts.map((part, i) =>
          part.match ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one line never reorder
            <mark key={i} className="rounded bg-yellow-200 text-stone-950 dark:bg-yellow-300">
              {part.text}
            </mark>
          ) : (
            part.text
          ),
        )}
      </span>
    </p>
  );
}
