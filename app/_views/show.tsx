import Link from "next/link";
import { followForm } from "@/app/actions/reader";
import { ShowArtwork } from "@/components/show-artwork";
import { Notice, quietButtonClass } from "@/components/ui";
import { DEMO_ATTRIBUTION } from "@/lib/demo/attribution";
import { formatDuration, formatRelativeDay } from "@/lib/format";
import { webUrl } from "@/lib/listen";
import type { ShowData } from "@/lib/views/show";

/** A show's page: a reader's (with follow/unfollow), or with `followed` null the public one. */
export function ShowView({ data, error }: { data: ShowData; error?: string | null }) {
  const { show } = data;
  const here = `/shows/${show.id}`;
  const site = webUrl(show.siteUrl);
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-8">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
        <ShowArtwork podcastId={show.id} size={128} />
        <div className="min-w-0">
          <h1 className="text-3xl font-bold leading-tight break-words">{show.title}</h1>
          {show.author ? (
            <p className="mt-1 text-stone-600 dark:text-stone-300">{show.author}</p>
          ) : null}
          <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
            {show.episodeCount} {show.episodeCount === 1 ? "episode" : "episodes"}
            {show.locked ? " · locked by its publisher" : ""}
          </p>
          <div className="mt-3 flex flex-wrap items-center gap-3">
            <FollowButton data={data} here={here} />
            {site ? (
              <a
                href={site}
                rel="noopener nofollow noreferrer"
                className="text-sm font-medium text-amber-800 underline dark:text-amber-400"
              >
                The show’s website
              </a>
            ) : null}
          </div>
        </div>
      </div>
      <div className="mt-4">
        <Notice error={error} />
      </div>
      {show.description ? (
        <section aria-labelledby="about-heading" className="mt-6">
          <h2 id="about-heading" className="text-lg font-semibold">
            About
          </h2>
          <p className="mt-2 whitespace-pre-line break-words text-stone-700 dark:text-stone-300">
            {show.description}
          </p>
        </section>
      ) : null}
      <LastCheck check={data.check} />
      <Episodes data={data} here={here} />
      {show.demo ? (
        <p className="mt-8 text-xs text-stone-600 dark:text-stone-400">
          {DEMO_ATTRIBUTION.credit},{" "}
          <a className="underline" href={DEMO_ATTRIBUTION.licenceUrl}>
            {DEMO_ATTRIBUTION.licence}
          </a>
        </p>
      ) : null}
    </main>
  );
}

function FollowButton({ data, here }: { data: ShowData; here: string }) {
  if (data.followed === null) {
    return (
      <Link
        href={`/signin?${new URLSearchParams({ callbackUrl: here })}`}
        className={quietButtonClass}
      >
        Sign in to follow
      </Link>
    );
  }
  return (
    <form action={followForm}>
      <input type="hidden" name="podcastId" value={data.show.id} />
      <input type="hidden" name="follow" value={data.followed ? "" : "true"} />
      <input type="hidden" name="next" value={here} />
      <button type="submit" className={quietButtonClass} aria-pressed={data.followed}>
        {data.followed ? "✓ Following" : "+ Follow"}
      </button>
    </form>
  );
}

const toneClass = {
  ok: "text-stone-700 dark:text-stone-300",
  pending: "text-stone-700 dark:text-stone-300",
  warning: "text-amber-900 dark:text-amber-300",
  error: "text-red-800 dark:text-red-300",
} as const;

function LastCheck({ check }: { check: ShowData["check"] }) {
  return (
    <section aria-labelledby="check-heading" className="mt-6">
      <h2 id="check-heading" className="text-lg font-semibold">
        Last check
      </h2>
      <p className={`mt-1 text-sm break-words ${toneClass[check.tone]}`}>{check.text}</p>
    </section>
  );
}

function Episodes({ data, here }: { data: ShowData; here: string }) {
  return (
    <section aria-labelledby="episodes-heading" className="mt-8">
      <h2 id="episodes-heading" className="text-lg font-semibold">
        {data.page === 1 ? "Newest episodes" : `Episodes, page ${data.page}`}
      </h2>
      {data.episodes.length === 0 ? (
        <p className="mt-2 text-stone-600 dark:text-stone-300">
          No episodes yet: they appear after the show’s next check.
        </p>
      ) : (
        <ul className="mt-3 space-y-3">
          {data.episodes.map((episode) => (
            <li
              key={episode.id}
              className="rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900"
            >
              <h3 className="font-semibold break-words">
                <Link href={`/episodes/${episode.id}`} className="hover:underline">
                  {episode.title || "Untitled episode"}
                </Link>
              </h3>
              <p className="text-sm text-stone-600 dark:text-stone-400">
                {[
                  episode.publishedAt ? formatRelativeDay(episode.publishedAt) : null,
                  episode.durationSeconds ? formatDuration(episode.durationSeconds) : null,
                  `${episode.insights.length} ${episode.insights.length === 1 ? "insight" : "insights"}`,
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </p>
              {episode.insights.length > 0 ? (
                <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
                  {episode.insights.map((insight) => (
                    <li key={insight.id}>
                      <Link
                        href={`/insights/${insight.id}`}
                        className="text-amber-800 underline dark:text-amber-400"
                      >
                        {insight.headline}
                      </Link>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <nav aria-label="Episode pages" className="mt-4 flex justify-between text-sm">
        {data.page > 1 ? (
          <Link
            href={data.page === 2 ? here : `${here}?page=${data.page - 1}`}
            className="font-medium text-amber-800 underline dark:text-amber-400"
          >
            ← Newer episodes
          </Link>
        ) : (
          <span />
        )}
        {data.hasOlder ? (
          <Link
            href={`${here}?page=${data.page + 1}`}
            className="font-medium text-amber-800 underline dark:text-amber-400"
          >
            Older episodes →
          </Link>
        ) : null}
      </nav>
    </section>
  );
}
