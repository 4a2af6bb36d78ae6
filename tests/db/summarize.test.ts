import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { upsertEpisode, upsertPodcast } from "@/db/queries/catalog";
import { linkNearDuplicates } from "@/db/queries/insight-writes";
import { relatedInsights } from "@/db/queries/insights";
import { upsertTopics } from "@/db/queries/topics";
import { saveTranscript } from "@/db/queries/transcripts";
import { episodes, insightLinks, insights } from "@/db/schema";
import { localEmbedding } from "@/lib/insights/local-embedding";
import { runSummarize } from "@/lib/insights/run";
import { similarityThresholds } from "@/lib/insights/similarity";
import { TOPICS } from "@/lib/insights/topics";
import { demoCatalog } from "@/tests/fixtures/invented-shows";
import { anInsight, givenEpisode, givenInsights } from "./factories";

// The offline path end to end: transcribed episodes in, grounded insights with topics, scores and
// embeddings out, each episode summarized exactly once.

async function givenTranscribedDemoEpisodes(count: number) {
  await upsertTopics({ vocabulary: TOPICS });
  const ids: string[] = [];
  for (const show of demoCatalog) {
    const podcastId = await upsertPodcast({
      podcast: { feedUrl: show.feedUrl, title: show.title },
    });
    for (const episode of show.episodes) {
      if (ids.length >= count) return ids;
      const id = await upsertEpisode({
        episode: { podcastId, guid: episode.guid, title: episode.title, status: "transcribed" },
      });
      await saveTranscript({
        episodeId: id,
        source: "feed",
        format: "json",
        segments: episode.segments,
        contentHash: episode.guid,
      });
      ids.push(id);
    }
  }
  return ids;
}

describe("runSummarize (offline extractive)", () => {
  it("turns each transcribed episode into 1–8 grounded insights with topics, score and embedding", async () => {
    const ids = await givenTranscribedDemoEpisodes(4);

    const summary = await runSummarize();

    expect(summary.episodes).toBe(4);
    expect(summary.errors).toEqual([]);
    const db = await getDb();
    for (const id of ids) {
      const rows = await db.select().from(insights).where(eq(insights.episodeId, id));
      // Short invented episodes: fewer cards rather than filler, never none.
      expect(rows.length).toBeGreaterThanOrEqual(1);
      expect(rows.length).toBeLessThanOrEqual(8);
      for (const row of rows) {
        expect(row.headline.length).toBeLessThanOrEqual(90);
        expect(row.embedding).toHaveLength(384);
        expect(row.quoteStartS).not.toBeNull();
        expect(row.speaker).toBeTruthy();
        expect(row.model).toBe("extractive");
      }
      const [episode] = await db.select().from(episodes).where(eq(episodes.id, id));
      expect(episode?.status).toBe("summarized");
    }
  });

  it("summarizes an episode once: a second run finds nothing to do", async () => {
    await givenTranscribedDemoEpisodes(2);
    const [first, second] = await Promise.all([runSummarize(), runSummarize()]);
    expect((first?.episodes ?? 0) + (second?.episodes ?? 0)).toBe(2);
    expect((await runSummarize()).episodes).toBe(0);
  });

  it("records an episode without a transcript as a failure to retry, and goes on", async () => {
    const [good] = await givenTranscribedDemoEpisodes(1);
    const podcastId = await upsertPodcast({
      podcast: { feedUrl: "https://example.com/empty.xml" },
    });
    const empty = await upsertEpisode({
      episode: { podcastId, guid: "no-text", status: "transcribed" },
    });

    const summary = await runSummarize();

    expect(summary.episodes).toBe(2);
    expect(summary.errors).toEqual([{ episodeId: empty, reason: "the episode has no transcript" }]);
    const db = await getDb();
    const [row] = await db.select().from(episodes).where(eq(episodes.id, empty));
    expect(row).toMatchObject({
      status: "transcribed",
      failureReason: "the episode has no transcript",
    });
    expect(row?.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    expect(
      (
        await db
          .select()
          .from(insights)
          .where(eq(insights.episodeId, good as string))
      ).length,
    ).toBeGreaterThan(0);
  });
});

describe("an episode with nothing worth a card", () => {
  it("gets no filler: it is done, with the reason stored, and not tried again", async () => {
    const podcastId = await upsertPodcast({
      podcast: { feedUrl: "https://example.com/ads.xml" },
    });
    const adsOnly = await upsertEpisode({
      episode: { podcastId, guid: "ads-only", status: "transcribed" },
    });
    const read = (text: string, at: number) => ({ start: at, end: at + 10, speaker: "Host", text });
    await saveTranscript({
      episodeId: adsOnly,
      source: "feed",
      format: "json",
      segments: [
        read("Hey everyone, welcome back to the show.", 0),
        read(
          "This episode is brought to you by Ledgerly. Use promo code BRIEF for thirty percent off.",
          10,
        ),
        read("[music]", 20),
        read("Thanks for listening, see you next week!", 30),
      ],
      contentHash: "hash-ads-only",
    });

    const summary = await runSummarize();

    expect(summary.errors.map((e) => e.episodeId)).toEqual([adsOnly]);
    const db = await getDb();
    const [row] = await db.select().from(episodes).where(eq(episodes.id, adsOnly));
    expect(row?.status).toBe("failed");
    expect(row?.failureReason).toMatch(/nothing in the transcript reads as a claim/);
    expect(await db.select().from(insights).where(eq(insights.episodeId, adsOnly))).toEqual([]);
    expect((await runSummarize()).episodes).toBe(0);
  });
});

describe("related insights with local embeddings", () => {
  const embedded = (headline: string, body: string) =>
    anInsight({ headline, body, embedding: localEmbedding(`${headline}. ${body}`) });

  it("ranks the other hiring insights above unrelated ones, and never lists its own episode", async () => {
    const a = await givenEpisode({ show: "Show A" });
    const b = await givenEpisode({ show: "Show B" });
    const c = await givenEpisode({ show: "Show C" });
    const [target, sameEpisodeHiring] = await givenInsights(a.episodeId, [
      embedded(
        "Hire engineers with a paid work sample",
        "Interviews predict little. A paid work sample shows how a candidate engineer really works before you hire them.",
      ),
      embedded(
        "Hiring managers should write the job scorecard first",
        "Before the first interview, the hiring manager writes what the new engineer must achieve in a year.",
      ),
    ]);
    const [hiringB, sleepB] = await givenInsights(b.episodeId, [
      embedded(
        "Replace whiteboard interviews with real work when hiring",
        "Candidates who do a small paid project show more than any whiteboard interview; hire on the work.",
      ),
      embedded(
        "Protect the first hour of sleep",
        "Deep sleep comes early in the night, so a late caffeine dose costs more rest than people think.",
      ),
    ]);
    const [pricingC, hiringC] = await givenInsights(c.episodeId, [
      embedded(
        "Raise prices for new customers first",
        "Grandfather existing customers and test a higher price on new signups for a month.",
      ),
      embedded(
        "Recruit engineers through referrals and work samples",
        "The best engineering hires came from referrals, checked with a short paid work sample instead of trivia interviews.",
      ),
    ]);

    const related = await relatedInsights({ insightId: target as string, floor: 0 });
    const ids = related.map((r) => r.id);

    expect(ids).not.toContain(target);
    expect(ids).not.toContain(sameEpisodeHiring);
    expect(new Set(ids.slice(0, 2))).toEqual(new Set([hiringB, hiringC]));
    // Unrelated insights come after the hiring ones, or below the floor and not at all.
    const rank = (id: string | undefined) =>
      ids.includes(id as string) ? ids.indexOf(id as string) : ids.length;
    expect(rank(hiringB)).toBeLessThan(rank(sleepB));
    expect(rank(hiringC)).toBeLessThan(rank(pricingC));
  });

  it("links the same point made in the same words on two shows, and not a different point", async () => {
    const a = await givenEpisode({ show: "Show A" });
    const b = await givenEpisode({ show: "Show B" });
    const text = [
      "Write the decision down before the meeting ends",
      "A decision that is not written down gets argued again next week, so write it in the meeting.",
    ] as const;
    const [mine] = await givenInsights(a.episodeId, [embedded(...text)]);
    const [twin, other] = await givenInsights(b.episodeId, [
      embedded(
        "Write decisions down before the meeting ends",
        "A decision not written down gets argued again next week; write it in the meeting.",
      ),
      embedded(
        "Protect the first hour of sleep",
        "Deep sleep comes early in the night, so a late coffee costs more rest than people think.",
      ),
    ]);

    await linkNearDuplicates({
      insightIds: [mine as string],
      threshold: similarityThresholds().nearDuplicate,
    });

    const db = await getDb();
    const links = await db
      .select()
      .from(insightLinks)
      .where(eq(insightLinks.insightId, mine as string));
    expect(links.map((l) => l.otherId)).toEqual([twin]);
    expect(links.map((l) => l.otherId)).not.toContain(other);
  });
});
