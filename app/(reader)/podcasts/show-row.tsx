import Link from "next/link";
import { ShowArtwork } from "@/components/show-artwork";
import { DEMO_ATTRIBUTION } from "@/lib/demo/attribution";
import { formatRelativeDay } from "@/lib/format";
import type { ShowSummary } from "@/lib/views/podcasts";

// One show on /podcasts: its artwork, its insights in the feed, and what its last check found.

export function ShowRow({ show }: { show: ShowSummary }) {
  return (
    <li className="flex gap-4 rounded-2xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
      <Artwork show={show} />
      <div className="min-w-0">
        <h2 className="font-semibold">
          <Link href={`/shows/${show.id}`} className="hover:underline">
            {show.title === show.feedUrl ? `Untitled show (${hostOf(show.feedUrl)})` : show.title}
          </Link>
        </h2>
        {show.author ? (
          <p className="truncate text-sm text-stone-700 dark:text-stone-300">{show.author}</p>
        ) : null}
        <p className="text-sm text-stone-500 dark:text-stone-400">
          {show.episodeCount} {show.episodeCount === 1 ? "episode" : "episodes"} ·{" "}
          {show.checkedAt ? `checked ${formatRelativeDay(show.checkedAt)}` : "not checked yet"}
          {show.locked ? " · locked by its publisher" : ""} ·{" "}
          <Link href={`/feed?show=${show.id}`} className="underline">
            its insights
          </Link>
        </p>
        {show.textIssue ? (
          <p className="mt-1 text-sm text-amber-800 dark:text-amber-300">
            Feed text: {show.textIssue}
          </p>
        ) : null}
        {show.lastError ? (
          <p className="mt-1 text-sm text-red-700 dark:text-red-400" role="status">
            Last check failed: {show.lastError}
          </p>
        ) : null}
        {show.demo ? (
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
          <p className="truncate text-xs text-stone-600 dark:text-stone-400">{show.feedUrl}</p>
        )}
      </div>
    </li>
  );
}

function Artwork({ show }: { show: ShowSummary }) {
  // From our artwork route: the feed's image, or a drawn initial; never the feed host's address.
  return <ShowArtwork podcastId={show.id} size={64} />;
}

function hostOf(address: string): string {
  try {
    return new URL(address).host;
  } catch {
    return "no address";
  }
}
