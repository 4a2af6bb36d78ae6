import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { upsertEpisode } from "@/db/queries/catalog";
import { followPodcast } from "@/db/queries/profiles";
import { saveTranscript } from "@/db/queries/transcripts";
import { episodes, podcasts, type Segment } from "@/db/schema";
import { readEpisode } from "@/lib/views/episode";
import { EPISODES_PER_PAGE, readShow } from "@/lib/views/show";
import { anInsight, givenEpisode, givenInsights, givenReader } from "./factories";

// The read side of a show's page and an episode's page: what they show, in order, for a reader
// or a visitor; unknown and malformed ids, and hostile searches, are no page rather than a 500.

const SEGMENTS: Segment[] = [
  {
    start: 0,
    end: 20,
    speaker: "Jerod",
    text: "Welcome to the show. Today we talk about writing.",
  },
  { start: 20, end: 40, speaker: "Jerod", text: "Our guest runs a small team." },
  {
    start: 740,
    end: 760,
    speaker: "Ada Example",
    text: "Here is what I learned. If it isn't written down,",
  },
  { start: 760, end: 775, speaker: "Ada Example", text: "it wasn't decided. That is the rule." },
  { start: 775, end: 800, speaker: "Jerod", text: "Written down (really) [yes] 100%?" },
  {
    start: 800,
    end: 830,
    speaker: "Ada Example",
    text: "Cargo is a blessed tool, written in Rust.",
  },
];

async function givenFullEpisode() {
  const { podcastId, episodeId } = await givenEpisode({ show: "Pages Show", title: "Episode 2" });
  const db = await getDb();
  await db
    .update(episodes)
    .set({
      audioUrl: "https://cdn.example.com/ep2.mp3",
      durationSeconds: 3600,
      chapters: [
        { start: 740, title: "The rule" },
        { start: 0, title: "Intro" },
        { start: Number.NaN, title: "Broken" } as never,
        { start: 60, title: "" },
      ],
    })
    .where(eq(episodes.id, episodeId));
  await saveTranscript({
    episodeId,
    source: "feed",
    format: "vtt",
    segments: SEGMENTS,
    contentHash: "h",
  });
  const [late, early, untimed] = await givenInsights(episodeId, [
    anInsight({ headline: "Late one", quote: "Cargo is a blessed tool", quoteStartS: 800 }),
    anInsight({ headline: "Decisions", quote: "If it isn't written down, it wasn't decided." }),
    anInsight({ headline: "No time", quote: "never said in this transcript", quoteStartS: null }),
  ]);
  return {
    podcastId,
    episodeId,
    late: late as string,
    early: early as string,
    untimed: untimed as string,
  };
}

describe("readEpisode", () => {
  it("lists insights in the order said, chapters in order, and turns by speaker", async () => {
    const { episodeId, podcastId, late, early, untimed } = await givenFullEpisode();
    const data = await readEpisode({ id: episodeId });
    if (!data) throw new Error("episode not found");
    expect(data.episode.podcast).toMatchObject({ id: podcastId, title: "Pages Show" });
    expect(data.insights.map((i) => i.id)).toEqual([early, late, untimed]);
    expect(data.chapters).toEqual([
      { start: 0, title: "Intro" },
      { start: 740, title: "The rule" },
    ]);
    const turns = data.transcript?.turns ?? [];
    expect(turns.map((t) => [t.speaker, t.lines.length])).toEqual([
      ["Jerod", 2],
      ["Ada Example", 2],
      ["Jerod", 1],
      ["Ada Example", 1],
    ]);
    expect(turns[1]?.start).toBe(740);
    expect(data.transcript?.matchCount).toBe(SEGMENTS.length);
  });

  it("marks the lines each insight's quote spans, and links the insight to its passage", async () => {
    const { episodeId, late, early, untimed } = await givenFullEpisode();
    const data = await readEpisode({ id: episodeId });
    const lines = (data?.transcript?.turns ?? []).flatMap((t) => t.lines);
    // The quote runs across two segments, with other punctuation: both are marked.
    expect(lines.filter((l) => l.insightId === early).map((l) => l.index)).toEqual([2, 3]);
    expect(lines.filter((l) => l.insightId === late).map((l) => l.index)).toEqual([5]);
    expect(lines.find((l) => l.index === 2)?.anchor).toBe(`passage-${early}`);
    expect(lines.find((l) => l.index === 3)?.anchor).toBeNull();
    const passages = Object.fromEntries(data?.insights.map((i) => [i.id, i.passage]) ?? []);
    expect(passages).toEqual({
      [early]: `passage-${early}`,
      [late]: `passage-${late}`,
      [untimed]: null,
    });
  });

  it("searches the transcript: only the lines that say it, the words marked", async () => {
    const { episodeId } = await givenFullEpisode();
    const data = await readEpisode({ id: episodeId, params: { q: "WRITTEN" } });
    const transcript = data?.transcript;
    expect(transcript?.query).toBe("WRITTEN");
    expect(transcript?.matchCount).toBe(3);
    const lines = (transcript?.turns ?? []).flatMap((t) => t.lines);
    expect(lines.map((l) => l.index)).toEqual([2, 4, 5]);
    expect(lines[1]?.parts).toEqual([
      { text: "Written", match: true },
      { text: " down (really) [yes] 100%?", match: false },
    ]);
    // Lines 4 and 5 are not neighbours in the transcript of one speaker: separate turns.
    expect(transcript?.turns.map((t) => t.lines.length)).toEqual([1, 1, 1]);
  });

  it.each([
    ["regular expression characters", "(really) [yes]", 1],
    ["a lone bracket", "[", 1],
    ["NUL and control characters", "Cargo\u0000\u0007", 1],
    ["a 2000-character search", "x".repeat(2000), 0],
    ["a search repeated in the address", ["a", "b"], 6],
    ["only spaces", "   ", 6],
  ])("takes a hostile search (%s) as text", async (_case, q, count) => {
    const { episodeId } = await givenFullEpisode();
    const data = await readEpisode({ id: episodeId, params: { q } });
    expect(data?.transcript?.matchCount).toBe(count);
    expect(data?.transcript?.query.length).toBeLessThanOrEqual(200);
  });

  it("is no page for an unknown, malformed or blocked episode", async () => {
    const { episodeId, podcastId } = await givenFullEpisode();
    expect(await readEpisode({ id: "00000000-0000-4000-8000-000000000000" })).toBeNull();
    expect(await readEpisode({ id: "not-a-uuid" })).toBeNull();
    expect(await readEpisode({ id: `${episodeId}\u0000` })).toBeNull();
    expect(await readEpisode({ id: "%ED%A0%80" })).toBeNull();
    const db = await getDb();
    await db.update(podcasts).set({ blocked: true }).where(eq(podcasts.id, podcastId));
    expect(await readEpisode({ id: episodeId })).toBeNull();
  });

  it("has no transcript part for an episode without one", async () => {
    const { episodeId } = await givenEpisode({ show: "Quiet Show" });
    const data = await readEpisode({ id: episodeId });
    expect(data?.transcript).toBeNull();
    expect(data?.insights).toEqual([]);
    expect(data?.chapters).toEqual([]);
  });
});

describe("readShow", () => {
  it("shows the show, the reader's follow, and its episodes newest first with their insights", async () => {
    const { podcastId, episodeId, early } = await givenFullEpisode();
    const older = await upsertEpisode({
      episode: {
        podcastId,
        guid: "older",
        title: "Episode 1",
        publishedAt: new Date("2026-10-01T08:00:00Z"),
      },
    });
    const db = await getDb();
    await db
      .update(podcasts)
      .set({ description: "<p>A show about <b>teams</b> &amp; writing.</p>", author: "Ada" })
      .where(eq(podcasts.id, podcastId));

    const reader = await givenReader();
    const before = await readShow({ reader, id: podcastId });
    expect(before?.followed).toBe(false);
    await followPodcast({ userId: reader.id, podcastId });
    const data = await readShow({ reader, id: podcastId });
    expect(data?.followed).toBe(true);
    expect((await readShow({ reader: null, id: podcastId }))?.followed).toBeNull();

    expect(data?.show).toMatchObject({ title: "Pages Show", author: "Ada", episodeCount: 2 });
    // The feed's HTML is shown as its text.
    expect(data?.show.description).toBe("A show about teams & writing.");
    expect(data?.episodes.map((e) => e.id)).toEqual([episodeId, older]);
    expect(data?.episodes[0]?.insights.map((i) => i.headline)).toEqual([
      "Late one",
      "Decisions",
      "No time",
    ]);
    expect(data?.episodes[0]?.insights[1]?.id).toBe(early);
    expect(data?.hasOlder).toBe(false);
  });

  it("pages the episodes, and reads a page that is not a number as the first", async () => {
    const { podcastId } = await givenEpisode({ show: "Long Show" });
    for (let i = 0; i < EPISODES_PER_PAGE + 2; i++) {
      await upsertEpisode({
        episode: {
          podcastId,
          guid: `long-${i}`,
          title: `Long ${i}`,
          publishedAt: new Date(Date.UTC(2026, 0, i + 1)),
        },
      });
    }
    const first = await readShow({ reader: null, id: podcastId });
    expect(first?.episodes).toHaveLength(EPISODES_PER_PAGE);
    expect(first?.hasOlder).toBe(true);
    const second = await readShow({ reader: null, id: podcastId, params: { page: "2" } });
    expect(second?.page).toBe(2);
    expect(second?.episodes).toHaveLength(3);
    expect(second?.hasOlder).toBe(false);
    const seen = new Set(
      [...(first?.episodes ?? []), ...(second?.episodes ?? [])].map((e) => e.id),
    );
    expect(seen.size).toBe(EPISODES_PER_PAGE + 3);
    for (const page of ["-1", "0", "1.5", "abc", "99999999999999999999", "\u0000"]) {
      expect((await readShow({ reader: null, id: podcastId, params: { page } }))?.page).toBe(1);
    }
  });

  it("says what the last check found, in words", async () => {
    const { podcastId } = await givenEpisode({ show: "Checked Show" });
    const db = await getDb();
    const set = (values: Partial<typeof podcasts.$inferInsert>) =>
      db.update(podcasts).set(values).where(eq(podcasts.id, podcastId));
    const check = async () => (await readShow({ reader: null, id: podcastId }))?.check;

    await set({ nextCheckAt: new Date("2026-12-07T10:00:00Z") });
    expect(await check()).toEqual({
      tone: "pending",
      text: "Not checked yet. Next check: 7 Dec 2026, 10:00 UTC.",
    });

    await set({ nextCheckAt: new Date("9999-12-31T00:00:00Z") });
    expect((await check())?.text).toBe("Not checked yet. It is not checked again.");

    await set({
      nextCheckAt: new Date("2026-12-07T10:00:00Z"),
      checkedAt: new Date("2026-12-07T09:00:00Z"),
    });
    expect((await check())?.tone).toBe("ok");
    expect((await check())?.text).toMatch(/^Checked 7 Dec 2026, 09:00 UTC: the feed was read/);

    await set({ textIssue: "3 bytes were not valid in the feed's encoding and shown as �" });
    expect((await check())?.text).toContain("read, but 3 bytes were not valid");

    await set({
      errorCount: 3,
      lastError: "refused: feeds.example resolves to 10.0.0.5, a private address",
    });
    const failed = await check();
    expect(failed?.tone).toBe("error");
    expect(failed?.text).toContain("the check failed (3 times in a row)");
    // The address inside our network is not repeated to strangers.
    expect(failed?.text).toContain("feeds.example is not on the public internet");
    expect(failed?.text).not.toContain("10.0.0.5");
  });

  it("is no page for an unknown, malformed or blocked show", async () => {
    const { podcastId } = await givenEpisode({ show: "Blocked Show" });
    expect(await readShow({ reader: null, id: "00000000-0000-4000-8000-000000000000" })).toBeNull();
    expect(await readShow({ reader: null, id: "'; drop table podcasts; --" })).toBeNull();
    expect(await readShow({ reader: null, id: podcastId.toUpperCase() })).not.toBeNull();
    const db = await getDb();
    await db.update(podcasts).set({ blocked: true }).where(eq(podcasts.id, podcastId));
    expect(await readShow({ reader: null, id: podcastId })).toBeNull();
  });
});
