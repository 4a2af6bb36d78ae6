import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { feedEntries, profiles } from "@/db/schema";
import { rankAndStoreFeed } from "@/lib/feed";
import {
  followPodcast,
  recordEvent,
  saveInsight,
  saveProfile,
  setFollows,
  unfollowPodcast,
  unsaveInsight,
} from "@/lib/reader-changes";
import { anInsight, givenEpisode, givenInsights, givenReader } from "./factories";

// What each change a reader makes does to their stored feed: stale (ranked again on the next
// visit), a card taken out in place, or nothing.

async function givenStoredFeed() {
  const reader = await givenReader("changes");
  // One insight on each of three shows: none is held back to keep one show from crowding.
  const ids: string[] = [];
  let podcastId = "";
  for (const show of ["Show A", "Show B", "Show C"]) {
    const episode = await givenEpisode({ show });
    podcastId = episode.podcastId;
    ids.push(...(await givenInsights(episode.episodeId, [anInsight()])));
  }
  await saveProfile({
    userId: reader.id,
    settings: {
      interests: "",
      interestsEmbedding: null,
      followedTopics: [],
      timeZone: "UTC",
      briefHour: 7,
      briefEnabled: false,
    },
  });
  const db = await getDb();
  if (ids.length !== 3) throw new Error("no insights");
  const stored = async () => {
    const [row] = await db
      .select({ builtAt: profiles.feedBuiltAt })
      .from(profiles)
      .where(eq(profiles.userId, reader.id));
    return row?.builtAt ?? null;
  };
  const rank = async () => {
    await rankAndStoreFeed({ userId: reader.id, followedTopics: [] });
    expect(await stored()).not.toBeNull();
  };
  const entry = async (insightId: string) =>
    (
      await db
        .select({ position: feedEntries.position })
        .from(feedEntries)
        .where(and(eq(feedEntries.userId, reader.id), eq(feedEntries.insightId, insightId)))
    ).length > 0;
  await rank();
  return {
    userId: reader.id,
    ids: ids as [string, string, string],
    show: podcastId,
    stored,
    rank,
    entry,
  };
}

describe("a reader's changes and their stored feed", () => {
  it("a save or unsave makes it stale; saving what is saved already does not", async () => {
    const { userId, ids, stored, rank } = await givenStoredFeed();
    expect(await saveInsight({ userId, insightId: ids[0] })).toEqual({
      saveId: expect.any(String),
    });
    expect(await stored()).toBeNull();
    await rank();
    await saveInsight({ userId, insightId: ids[0] });
    expect(await stored()).not.toBeNull();
    expect(await unsaveInsight({ userId, insightId: ids[0] })).toBe(true);
    expect(await stored()).toBeNull();
    await rank();
    expect(await unsaveInsight({ userId, insightId: ids[0] })).toBe(false);
    expect(await stored()).not.toBeNull();
  });

  it("more or less makes it stale once; a repeat or an open does not; a dismissal drops one card", async () => {
    const { userId, ids, stored, rank, entry } = await givenStoredFeed();
    expect(await recordEvent({ userId, insightId: ids[0], kind: "more" })).toBe(true);
    expect(await stored()).toBeNull();
    await rank();
    expect(await recordEvent({ userId, insightId: ids[0], kind: "more" })).toBe(true);
    expect(await recordEvent({ userId, insightId: ids[1], kind: "open" })).toBe(true);
    expect(await stored()).not.toBeNull();
    expect(await recordEvent({ userId, insightId: ids[1], kind: "less" })).toBe(true);
    expect(await stored()).toBeNull();

    await rank();
    expect(await entry(ids[2])).toBe(true);
    expect(await recordEvent({ userId, insightId: ids[2], kind: "dismiss" })).toBe(true);
    expect(await entry(ids[2])).toBe(false);
    expect(await entry(ids[0])).toBe(true);
    expect(await stored()).not.toBeNull();
  });

  it("following, unfollowing and new settings make it stale; a no-op unfollow does not", async () => {
    const { userId, show, stored, rank } = await givenStoredFeed();
    expect(await followPodcast({ userId, podcastId: show })).toBe(true);
    expect(await stored()).toBeNull();
    await rank();
    expect(await unfollowPodcast({ userId, podcastId: show })).toBe(true);
    expect(await stored()).toBeNull();
    await rank();
    expect(await unfollowPodcast({ userId, podcastId: show })).toBe(false);
    expect(await stored()).not.toBeNull();
    await setFollows({ userId, podcastIds: [show] });
    expect(await stored()).toBeNull();
    await rank();
    await saveProfile({
      userId,
      settings: {
        interests: "sleep",
        interestsEmbedding: null,
        followedTopics: [],
        timeZone: "UTC",
        briefHour: 8,
        briefEnabled: true,
      },
    });
    expect(await stored()).toBeNull();
  });
});
