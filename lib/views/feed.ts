import "server-only";
import { z } from "zod";
import { followedPodcastIds, getProfile } from "@/db/queries/profiles";
import { saveStates } from "@/db/queries/saves";
import { type FeedEntry, feedPage } from "@/lib/feed";
import type { Reader } from "@/lib/session";
import { showChoices, topicChoices } from "@/lib/shared-lists";
import { one } from "@/lib/views/params";

// The feed page: a reader's own feed, or with no reader the public one (which reads no session).

export const feedParams = z.object({
  topic: one,
  show: one,
  q: one,
  cursor: one,
  keep: one,
});
export type FeedParams = z.output<typeof feedParams>;

export type FeedData = {
  filter: { topic?: string; podcastId?: string; q?: string };
  filtered: boolean;
  entries: (FeedEntry & { saved: boolean })[];
  nextCursor: string | null;
  /** The next page's address, with the page's own filters; null on the last page. */
  nextHref: string | null;
  topics: { slug: string; label: string }[];
  shows: { id: string; title: string }[];
};

/** The feed as the reader sees it; "onboarding" when the reader has not chosen anything yet. */
export async function readFeed(args: { reader: null; params: FeedParams }): Promise<FeedData>;
export async function readFeed(args: {
  reader: Reader | null;
  params: FeedParams;
}): Promise<FeedData | "onboarding">;
export async function readFeed({
  reader,
  params,
}: {
  reader: Reader | null;
  params: FeedParams;
}): Promise<FeedData | "onboarding"> {
  const profile = reader ? await getProfile({ userId: reader.id }) : null;
  if (reader && !profile?.onboardedAt) return "onboarding";
  const filter = { topic: params.topic, podcastId: params.show, q: params.q };
  const [page, topics, allShows, followed] = await Promise.all([
    feedPage({
      userId: reader?.id ?? null,
      filter,
      cursor: params.cursor,
      hold: params.keep === "1",
      followedTopics: profile?.followedTopics ?? [],
    }),
    topicChoices(),
    showChoices(),
    reader ? followedPodcastIds({ userId: reader.id }) : [],
  ]);
  // The show filter lists the reader's own shows and the one chosen; any show's insights are a
  // link away on /podcasts. A select of the whole catalog was a third of the page (and most of
  // the cost of rendering a reader's feed).
  const wanted = new Set([...followed, filter.podcastId]);
  const saved = reader
    ? await saveStates({ userId: reader.id, insightIds: page.entries.map((e) => e.id) })
    : new Map();
  return {
    filter,
    filtered: Boolean(filter.topic || filter.podcastId || filter.q),
    entries: page.entries.map((entry) => ({ ...entry, saved: saved.has(entry.id) })),
    nextCursor: page.nextCursor,
    nextHref: page.nextCursor ? nextPageHref(params, page.nextCursor) : null,
    topics,
    shows: allShows.filter((s) => wanted.has(s.id)),
  };
}

function nextPageHref({ topic, show, q }: FeedParams, cursor: string): string {
  const filters = Object.entries({ topic, show, q }).filter((e): e is [string, string] => !!e[1]);
  return `/feed?${new URLSearchParams([...filters, ["cursor", cursor]])}`;
}
