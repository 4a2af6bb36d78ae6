import "server-only";
import { listPodcastsWithCounts } from "@/db/queries/podcast-feeds";
import { isDemoFeed } from "@/lib/demo/attribution";
import { forStrangers } from "@/lib/ingest/address";

// The podcasts page: every show in the catalog, with what its last check found.

export type ShowSummary = {
  id: string;
  title: string;
  author: string | null;
  feedUrl: string;
  imageUrl: string | null;
  episodeCount: number;
  checkedAt: Date | null;
  locked: boolean;
  textIssue: string | null;
  /** The last check's failure, in words fit for anyone to read. */
  lastError: string | null;
  /** One of the bundled demo shows, shown with its licence. */
  demo: boolean;
};

export async function readPodcasts(): Promise<ShowSummary[]> {
  const shows = await listPodcastsWithCounts();
  return shows.map((show) => ({
    id: show.id,
    title: show.title || show.feedUrl,
    author: show.author,
    feedUrl: show.feedUrl,
    imageUrl: show.imageUrl,
    episodeCount: show.episodeCount,
    checkedAt: show.checkedAt,
    locked: show.locked,
    textIssue: show.textIssue,
    lastError: show.lastError ? forStrangers(show.lastError) : null,
    demo: isDemoFeed(show.feedUrl),
  }));
}
