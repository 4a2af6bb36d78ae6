import "server-only";
import { z } from "zod";
import { searchText } from "@/db/queries/input";
import { catalogShowsByFeedUrls, searchCatalogShows } from "@/db/queries/show-search";
import { feedKey, searchDirectory } from "@/lib/directory/search";
import { showSearchRefusal } from "@/lib/directory/search-limit";
import { type DirectoryConfig, DirectoryError, type DirectoryResult } from "@/lib/directory/types";
import type { Reader } from "@/lib/session";
import { text } from "@/lib/views/params";

// The show search (components/show-search): the catalog's own shows first, with the reader's
// follow state, then what the podcast directory found that the catalog does not have yet. A
// directory that is down or slow leaves a sentence in directoryError; the catalog still answers.

/** On /settings and onboarding the show search is ?find= (?q= filters the followed list there). */
export const showSearchParams = z.object({ find: text });

export type CatalogHit = {
  id: string;
  title: string;
  author: string | null;
  feedUrl: string;
  artworkUrl: string | null;
  episodeCount: number;
  followed: boolean;
};

export type ShowSearchResults = {
  q: string;
  catalog: CatalogHit[];
  directory: DirectoryResult[];
  directoryError: string | null;
};

export async function readShowSearch({
  reader,
  q: raw,
  directory,
}: {
  reader: Reader;
  q: string;
  /** Which directory to ask; the settings' one unless a test says otherwise. */
  directory?: DirectoryConfig;
}): Promise<ShowSearchResults> {
  const q = searchText(raw);
  if (!q) return { q, catalog: [], directory: [], directoryError: null };
  // Every way in (the as-you-type route, and the pages' ?q= without JavaScript) counts against
  // the reader's limit, so no page becomes a free directory proxy; over it, the catalog answers.
  const refusal = await showSearchRefusal({ userId: reader.id });
  const [named, found] = await Promise.all([
    searchCatalogShows({ userId: reader.id, q }),
    refusal
      ? { results: [], error: refusal }
      : searchDirectory({ q, config: directory }).then(
          (results) => ({ results, error: null }),
          (error: unknown) => {
            if (error instanceof DirectoryError) return { results: [], error: error.message };
            console.error("podbrief: the show directory search failed", error);
            return { results: [], error: "The podcast directory could not be searched." };
          },
        ),
  ]);
  // A directory result already in the catalog is that catalog show, listed once.
  const known = await catalogShowsByFeedUrls({
    userId: reader.id,
    feedUrls: found.results.map((result) => feedKey(result.feedUrl)),
  });
  const byFeed = new Map([...named, ...known].map((show) => [feedKey(show.feedUrl), show]));
  const catalog = [...byFeed.values()].map((show) => ({
    id: show.id,
    title: show.title || show.feedUrl,
    author: show.author,
    feedUrl: show.feedUrl,
    // Through our artwork route: the reader's browser never asks the feed's host.
    artworkUrl: `/api/artwork/${show.id}`,
    episodeCount: show.episodeCount,
    followed: show.followed,
  }));
  return {
    q,
    catalog,
    directory: found.results.filter((result) => !byFeed.has(feedKey(result.feedUrl))),
    directoryError: found.error
      ? `${found.error} Shows already in Podbrief are still listed; you can also paste a feed address.`
      : null,
  };
}
