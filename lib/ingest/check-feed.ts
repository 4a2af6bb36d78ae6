import {
  countEpisodes,
  getPodcastByFeedUrl,
  recordFeedChecked,
  recordFeedFailed,
  recordFeedUpdated,
} from "@/db/queries/podcast-feeds";
import type { NewEpisode, Podcast } from "@/db/schema";
import { publicReason } from "@/lib/public-reason";
import { after, backoffMs, MAX_BACKOFF_MS } from "@/lib/work/units";
import { fetchDocument } from "./fetch-document";
import { hostOf } from "./host-turns";
import { type ParsedEpisode, type ParsedFeed, parsePodcastFeed } from "./parse-feed";
import { FetchError, type FetchErrorCode } from "./safe-fetch";
import { pickBestTranscript, transcriptFormatOf } from "./transcripts";

// One feed, one check: fetch (conditionally), parse, store what changed, schedule the next check.
// Everything is fetched before anything is stored, and what is stored is stored in one go: a check
// whose signal aborts stores nothing and throws the signal's reason.

export const CHECK_INTERVAL_MS = 60 * 60 * 1000;
const BLOCKED_RECHECK_MS = 7 * 24 * 60 * 60 * 1000;
/** On a show's first check, only its newest episodes are worked on; the back catalog is archived. */
export const FIRST_CHECK_EPISODES = 3;

export type FeedOutcome = {
  podcastId: string;
  feedUrl: string;
  status: "updated" | "not_modified" | "blocked" | "failed";
  newEpisodes: number;
  updatedEpisodes: number;
  error?: string;
  /** Why a failed check failed, and at which host (after redirects): a run paces hosts by it. */
  fault?: { code: FetchErrorCode; host: string; nextCheckAt: Date };
};

export async function checkFeed(
  podcast: Podcast,
  now: Date,
  { signal }: { signal?: AbortSignal } = {},
): Promise<FeedOutcome> {
  const base = {
    podcastId: podcast.id,
    feedUrl: podcast.feedUrl,
    newEpisodes: 0,
    updatedEpisodes: 0,
  };
  try {
    const fetched = await fetchDocument(podcast.feedUrl, "feed", {
      etag: podcast.etag,
      lastModified: podcast.lastModified,
      signal,
    });
    const movedTo = fetched.permanentUrl ?? undefined;
    if (fetched.status === "not_modified") {
      const feedUrl = await freeUrl(movedTo, podcast);
      signal?.throwIfAborted();
      await recordFeedChecked({
        podcastId: podcast.id,
        now,
        nextCheckAt: after(now, CHECK_INTERVAL_MS),
        feedUrl,
      });
      return { ...base, status: "not_modified" };
    }
    const feed = parsePodcastFeed(fetched.body, { baseUrl: fetched.url });
    const metadata = metadataOf(feed);
    const textIssue =
      fetched.replacedCharacters > 0
        ? `${fetched.replacedCharacters} byte${fetched.replacedCharacters === 1 ? " was" : "s were"} not valid in the feed's encoding and shown as �`
        : null;
    if (feed.blocked) {
      signal?.throwIfAborted();
      await recordFeedChecked({
        podcastId: podcast.id,
        now,
        nextCheckAt: after(now, BLOCKED_RECHECK_MS),
        metadata,
        textIssue,
      });
      return { ...base, status: "blocked" };
    }
    // The first check that stores anything, not the first attempt: a failed or blocked first try
    // must not send the whole back catalog through the pipeline later.
    const firstCheck = (await countEpisodes({ podcastId: podcast.id })) === 0;
    const rows = episodeRows(podcast.id, feed.episodes, firstCheck);
    const feedUrl =
      (await adoptNewFeedUrl(feed, podcast, signal)) ?? (await freeUrl(movedTo, podcast));
    signal?.throwIfAborted();
    const { inserted, updated } = await recordFeedUpdated({
      rows,
      podcastId: podcast.id,
      now,
      nextCheckAt: after(now, CHECK_INTERVAL_MS),
      metadata,
      etag: fetched.etag,
      lastModified: fetched.lastModified,
      feedUrl,
      textIssue,
    });
    return { ...base, status: "updated", newEpisodes: inserted.length, updatedEpisodes: updated };
  } catch (error) {
    // Interrupted, not failed: the feed's record is untouched and the caller gives up its lease.
    if (signal?.aborted) throw signal.reason;
    const reason = publicReason(error, "checking the feed");
    const nextCheckAt = retryAt(error, podcast.errorCount, now);
    await recordFeedFailed({ podcastId: podcast.id, now, nextCheckAt, error: reason });
    const fault =
      error instanceof FetchError
        ? { code: error.code, host: hostOf(error.details.url ?? podcast.feedUrl), nextCheckAt }
        : undefined;
    return { ...base, status: "failed", error: reason, ...(fault ? { fault } : {}) };
  }
}

function metadataOf(feed: ParsedFeed) {
  const { title, author, description, imageUrl, siteUrl, language, locked, blocked } = feed;
  return { title, author, description, imageUrl, siteUrl, language, locked, blocked };
}

function episodeRows(
  podcastId: string,
  parsed: ParsedEpisode[],
  firstCheck: boolean,
): NewEpisode[] {
  const newest = new Set(
    [...parsed]
      .sort((a, b) => (b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0))
      .slice(0, FIRST_CHECK_EPISODES)
      .map((e) => e.guid),
  );
  return parsed.map((episode) => {
    const transcript = pickBestTranscript(episode.transcripts);
    return {
      podcastId,
      guid: episode.guid,
      title: episode.title,
      link: episode.link,
      publishedAt: episode.publishedAt,
      audioUrl: episode.audioUrl,
      durationSeconds: episode.durationSeconds,
      imageUrl: episode.imageUrl,
      showNotesHtml: episode.showNotesHtml,
      showNotesText: episode.showNotesText,
      transcriptUrl: transcript?.url ?? null,
      transcriptType: transcript ? transcriptFormatOf(transcript.type, transcript.url) : null,
      chaptersUrl: episode.chaptersUrl,
      chapters: episode.chapters,
      soundbites: episode.soundbites,
      status: !firstCheck || newest.has(episode.guid) ? "new" : "archived",
    };
  });
}

/** itunes:new-feed-url is adopted only once the new address fetches and parses as a feed. */
async function adoptNewFeedUrl(
  feed: ParsedFeed,
  podcast: Podcast,
  signal: AbortSignal | undefined,
): Promise<string | undefined> {
  if (!feed.newFeedUrl || feed.newFeedUrl === podcast.feedUrl) return undefined;
  try {
    const fetched = await fetchDocument(feed.newFeedUrl, "feed", { signal });
    if (fetched.status !== "ok") return undefined;
    parsePodcastFeed(fetched.body);
    return freeUrl(feed.newFeedUrl, podcast);
  } catch {
    return undefined;
  }
}

/** A URL the show can move to: not its own, and not already another show's feed. */
async function freeUrl(url: string | undefined, podcast: Podcast): Promise<string | undefined> {
  if (!url || url === podcast.feedUrl) return undefined;
  return (await getPodcastByFeedUrl({ feedUrl: url })) ? undefined : url;
}

/** When to try a failing feed again: what the server asked for, else exponential back-off. */
export function retryAt(error: unknown, errorCount: number, now: Date): Date {
  if (error instanceof FetchError && error.details.retryAfterSeconds) {
    return after(now, Math.min(error.details.retryAfterSeconds * 1000, MAX_BACKOFF_MS));
  }
  return after(now, backoffMs("feed", errorCount));
}
