import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { listPodcastsWithCounts } from "@/db/queries/feeds";
import { DEMO_ATTRIBUTION, isDemoFeed } from "@/lib/demo/attribution";
import { formatRelativeDay } from "@/lib/format";
import { forStrangers } from "@/lib/ingest/address";

export const metadata: Metadata = { title: "Podcasts" };

export default async function PodcastsPage() {
  await connection();
  const shows = await listPodcastsWithCounts();
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="text-2xl font-bold">Podcasts</h1>
      <p className="mt-1 text-stone-600 dark:text-stone-400">
        The shows Podbrief scans for new episodes.
      </p>
      <ul className="mt-6 space-y-3">
        {shows.map((show) => (
          <li
            key={show.id}
            className="flex gap-4 rounded-2xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900"
          >
            {show.imageUrl ? (
              // Artwork comes from any host on the internet; next/image would need each host listed.
              // biome-ignore lint/performance/noImgElement: remote artwork from arbitrary feed hosts
              <img
                src={show.imageUrl}
                alt=""
                width={64}
                height={64}
                className="size-16 shrink-0 rounded-lg object-cover"
                loading="lazy"
                referrerPolicy="no-referrer"
              />
            ) : (
              <div
                aria-hidden
                className="flex size-16 shrink-0 items-center justify-center rounded-lg bg-amber-100 text-xl font-bold text-amber-800 dark:bg-amber-900 dark:text-amber-100"
              >
                {(show.title || show.feedUrl).slice(0, 1).toUpperCase()}
              </div>
            )}
            <div className="min-w-0">
              <h2 className="font-semibold">
                <Link href={`/feed?show=${show.id}`} className="hover:underline">
                  {show.title || show.feedUrl}
                </Link>
              </h2>
              <p className="text-sm text-stone-500 dark:text-stone-400">
                {show.episodeCount} {show.episodeCount === 1 ? "episode" : "episodes"} ·{" "}
                {show.checkedAt
                  ? `checked ${formatRelativeDay(show.checkedAt)}`
                  : "not checked yet"}
                {show.locked ? " · locked by its publisher" : ""}
              </p>
              {show.textIssue ? (
                <p className="mt-1 text-sm text-amber-800 dark:text-amber-300">
                  Feed text: {show.textIssue}
                </p>
              ) : null}
              {show.lastError ? (
                <p className="mt-1 text-sm text-red-700 dark:text-red-400" role="status">
                  Last check failed: {forStrangers(show.lastError)}
                </p>
              ) : null}
              {isDemoFeed(show.feedUrl) ? (
                <p className="text-xs text-stone-600 dark:text-stone-400">
                  {DEMO_ATTRIBUTION.credit},{" "}
                  <a className="underline" href={DEMO_ATTRIBUTION.licenceUrl}>
                    {DEMO_ATTRIBUTION.licence}
                  </a>{" "}
                  ·{" "}
                  <a className="underline" href={DEMO_ATTRIBUTION.sourceUrl}>
                    changelog.com
                  </a>
                </p>
              ) : (
                <p className="truncate text-xs text-stone-600 dark:text-stone-400">
                  {show.feedUrl}
                </p>
              )}
            </div>
          </li>
        ))}
      </ul>
    </main>
  );
}
