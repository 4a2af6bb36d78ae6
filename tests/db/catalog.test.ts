import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { countPodcasts, upsertEpisode, upsertPodcast } from "@/db/queries/catalog";
import { saveTranscript } from "@/db/queries/transcripts";
import { episodes, transcripts } from "@/db/schema";

describe("catalog queries", () => {
  it("upsertPodcast keeps one row per feed URL and refreshes its metadata", async () => {
    const feedUrl = "https://example.com/feed.xml";
    const first = await upsertPodcast({ podcast: { feedUrl, title: "Old title" } });
    const second = await upsertPodcast({ podcast: { feedUrl, title: "New title", author: "Ann" } });
    expect(second).toBe(first);
    expect(await countPodcasts()).toBe(1);
  });

  it("upsertEpisode is idempotent on (podcast, guid) and leaves the status alone", async () => {
    const podcastId = await upsertPodcast({ podcast: { feedUrl: "https://example.com/a.xml" } });
    const id = await upsertEpisode({ episode: { podcastId, guid: "ep-1", title: "First" } });
    const db = await getDb();
    await db.update(episodes).set({ status: "summarized" }).where(eq(episodes.id, id));

    const again = await upsertEpisode({
      episode: { podcastId, guid: "ep-1", title: "First, renamed" },
    });

    expect(again).toBe(id);
    const rows = await db.select().from(episodes);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ title: "First, renamed", status: "summarized" });
  });

  it("the same guid on two shows is two episodes", async () => {
    const a = await upsertPodcast({ podcast: { feedUrl: "https://example.com/a.xml" } });
    const b = await upsertPodcast({ podcast: { feedUrl: "https://example.com/b.xml" } });
    const one = await upsertEpisode({ episode: { podcastId: a, guid: "1" } });
    const two = await upsertEpisode({ episode: { podcastId: b, guid: "1" } });
    expect(one).not.toBe(two);
  });

  it("saveTranscript keeps one transcript per episode, the newest", async () => {
    const podcastId = await upsertPodcast({ podcast: { feedUrl: "https://example.com/a.xml" } });
    const episodeId = await upsertEpisode({ episode: { podcastId, guid: "ep-1" } });
    const segment = { start: 0, end: 4, speaker: "Host", text: "Hello." };
    await saveTranscript({
      episodeId,
      source: "show_notes",
      format: "text",
      segments: [segment],
      contentHash: "a",
    });
    await saveTranscript({
      episodeId,
      source: "feed",
      format: "vtt",
      segments: [segment, { ...segment, start: 4, end: 9, text: "Welcome back." }],
      contentHash: "b",
    });
    const db = await getDb();
    const rows = await db.select().from(transcripts);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      source: "feed",
      format: "vtt",
      contentHash: "b",
      text: "Hello.\nWelcome back.",
    });
    expect(rows[0]?.segments).toHaveLength(2);
  });
});
