import { getPodcastByFeedUrl } from "@/db/queries/podcast-feeds";
import { hitRateLimit, peekRateLimit } from "@/db/queries/rate-limits";
import { AppError } from "@/lib/errors";
import { type AddShowResult, addShow, normalizeFeedUrl } from "@/lib/ingest/add-show";
import { FetchError, forStrangers } from "@/lib/ingest/address";
import { fetchDocument } from "@/lib/ingest/fetch-document";
import { FeedParseError, parsePodcastFeed } from "@/lib/ingest/parse-feed";
import { followPodcast } from "@/lib/reader-changes";

// A reader adds a show: by its feed address, from a directory search result, or from an OPML
// file. One path for all three: the daily quota, the feed read before it is stored, the follow.

// Each show added costs fetching and summarizing for everyone; a reader adds a few a day.
export const ADD_SHOW_LIMIT = { limit: 20, windowSeconds: 86_400 };

const quotaKey = (userId: string) => `add-show:${userId}`;

/** Counts one show against the reader's daily quota; past it, a rate_limited AppError. */
export async function takeAddShowQuota({ userId }: { userId: string }): Promise<void> {
  const quota = await hitRateLimit({ key: quotaKey(userId), ...ADD_SHOW_LIMIT });
  if (!quota.allowed) {
    throw new AppError(
      "rate_limited:add-show",
      `You can add up to ${ADD_SHOW_LIMIT.limit} shows a day. Try again tomorrow.`,
    );
  }
}

/** How many more shows the reader may add today. */
export async function addShowQuotaLeft({ userId }: { userId: string }): Promise<number> {
  const { count } = await peekRateLimit({ key: quotaKey(userId), ...ADD_SHOW_LIMIT });
  return Math.max(0, ADD_SHOW_LIMIT.limit - count);
}

/**
 * Adds the show at `url` to the catalog (read and parsed first when it is new to it) and has the
 * reader follow it. Throws an AppError in words when the address is not a feed we can read.
 */
export async function addAndFollowShow({
  url,
  userId,
}: {
  url: string;
  userId: string;
}): Promise<AddShowResult> {
  let show: AddShowResult;
  try {
    // A show new to the catalog is read before it is stored: an address that is not a feed
    // (a web page, a typo, a host that resolves inside our network) is refused in words and
    // stored nowhere, rather than listed as "Untitled show".
    const feedUrl = normalizeFeedUrl(url);
    let details: Parameters<typeof addShow>[0]["details"];
    if (!(await getPodcastByFeedUrl({ feedUrl }))) {
      const fetched = await fetchDocument(feedUrl, "feed");
      if (fetched.status === "ok") {
        const feed = parsePodcastFeed(fetched.body, { baseUrl: fetched.url });
        details = { title: feed.title, author: feed.author, imageUrl: feed.imageUrl };
      }
    }
    show = await addShow({ url: feedUrl, details });
  } catch (error) {
    // The ingest library's own sentences (bad URL, private address, not a feed) are safe to show.
    if (error instanceof FetchError || error instanceof FeedParseError)
      throw new AppError("bad_request:feed-url", forStrangers(error.message));
    throw error;
  }
  await followPodcast({ userId, podcastId: show.id });
  return show;
}
