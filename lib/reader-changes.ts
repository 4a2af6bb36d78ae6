import * as events from "@/db/queries/events";
import * as profiles from "@/db/queries/profiles";
import * as library from "@/db/queries/saves";
import { dropFeedEntry, markFeedStale } from "@/db/queries/stored-feed";
import { inTransaction } from "@/db/queries/transaction";
import type { EventKind } from "@/db/schema";

// What a reader changes that changes their feed: each records the change (db/queries), then says
// what it does to the stored feed (lib/feed ranks it once and reads it as stored). A save, a
// "more" or "less", a follow or new settings make it stale: it is ranked again on the next visit.
// A dismissal takes the card out in place, keeping the rest where the reader saw them. Where the
// change is one transaction, the feed is marked in it, so the two commit together.

/** Saves an insight (once); null when there is no such insight. */
export async function saveInsight({
  userId,
  insightId,
}: {
  userId: string;
  insightId: string;
}): Promise<{ saveId: string } | null> {
  return inTransaction(async (tx) => {
    const saved = await library.saveInsight({ userId, insightId, db: tx });
    if (!saved) return null;
    if (saved.created) await markFeedStale({ userId, db: tx });
    return { saveId: saved.saveId };
  });
}

/** Removes a save (its note and tags kept aside); false when the reader had not saved it. */
export async function unsaveInsight({
  userId,
  insightId,
}: {
  userId: string;
  insightId: string;
}): Promise<boolean> {
  return inTransaction(async (tx) => {
    const removed = await library.unsaveInsight({ userId, insightId, db: tx });
    if (removed) await markFeedStale({ userId, db: tx });
    return removed;
  });
}

/** Records what a reader did with an insight (a repeated choice once); false: no such insight. */
export async function recordEvent(input: {
  userId: string;
  insightId: string;
  kind: EventKind;
  meta?: Record<string, unknown>;
}): Promise<boolean> {
  const outcome = await events.recordEvent(input);
  if (outcome === "recorded") {
    const { userId, insightId, kind } = input;
    if (kind === "dismiss") await dropFeedEntry({ userId, insightId });
    if (kind === "more" || kind === "less") await markFeedStale({ userId });
  }
  return outcome !== null;
}

/** Stores a reader's settings; `onboarded` marks the first run of onboarding as done. */
export async function saveProfile(input: {
  userId: string;
  settings: profiles.ProfileSettings;
  onboarded?: boolean;
}): Promise<void> {
  await inTransaction(async (tx) => {
    await profiles.saveProfile({ ...input, db: tx });
    // New topics or interests: rank the feed again.
    await markFeedStale({ userId: input.userId, db: tx });
  });
}

/** Replaces the shows a reader follows with the given ones (unknown ids are ignored). */
export async function setFollows(input: { userId: string; podcastIds: string[] }): Promise<void> {
  await profiles.setFollows(input);
  await markFeedStale({ userId: input.userId });
}

/** Follows one show; false when there is no such show. */
export async function followPodcast(input: {
  userId: string;
  podcastId: string;
}): Promise<boolean> {
  const followed = await profiles.followPodcast(input);
  if (followed) await markFeedStale({ userId: input.userId });
  return followed;
}

/** Unfollows one show; false when the reader did not follow it. */
export async function unfollowPodcast(input: {
  userId: string;
  podcastId: string;
}): Promise<boolean> {
  const removed = await profiles.unfollowPodcast(input);
  if (removed) await markFeedStale({ userId: input.userId });
  return removed;
}

/** Follows or unfollows one topic (a known one: the caller checks the vocabulary). */
export async function setTopicFollowed(input: {
  userId: string;
  slug: string;
  followed: boolean;
}): Promise<void> {
  await profiles.setTopicFollowed(input);
  await markFeedStale({ userId: input.userId });
}
