import { describe, expect, it } from "vitest";
import { countPodcasts } from "@/db/queries/catalog";
import { getInsight, listInsights, relatedInsights } from "@/db/queries/insights";
import { ensureDemoContent } from "@/lib/demo/load";
import { similarityThresholds } from "@/lib/insights/similarity";

// The demo catalog goes through the real pipeline: feed files → ingest → transcripts → summarize.
describe("demo catalog", () => {
  const now = new Date();

  it("loads shows, episodes and grounded insights into an empty database", async () => {
    const loaded = await ensureDemoContent({ now });

    expect(loaded?.podcasts).toBeGreaterThanOrEqual(3);
    expect(loaded?.episodes).toBeGreaterThanOrEqual(6);
    expect(loaded?.insights).toBeGreaterThanOrEqual(16);

    const cards = await listInsights({ limit: 500 });
    expect(cards).toHaveLength(loaded?.insights ?? -1);
    for (const card of cards) {
      expect(card.quote.length).toBeGreaterThan(0);
      expect(card.speaker).toBeTruthy();
    }
    // Changelog states times every few minutes (its news episodes none): most cards have one.
    expect(cards.filter((c) => c.quoteStartS !== null).length / cards.length).toBeGreaterThan(0.5);
    expect(cards.filter((c) => c.topics.length > 0).length / cards.length).toBeGreaterThan(0.9);
    const one = await getInsight({ id: cards[0]?.id as string });
    expect(one?.headline).toBe(cards[0]?.headline);
    expect(
      (
        await relatedInsights({
          insightId: cards[0]?.id as string,
          floor: similarityThresholds().related,
        })
      ).length,
    ).toBeGreaterThan(0);
  });

  it("dates the demo episodes in the days before now, whatever the files say", async () => {
    await ensureDemoContent({ now });
    const cards = await listInsights({ limit: 500 });
    const dates = cards.map((c) => c.episode.publishedAt?.getTime() ?? 0);
    expect(Math.max(...dates)).toBe(now.getTime() - 2 * 60 * 60 * 1000);
    expect(Math.min(...dates)).toBeGreaterThan(now.getTime() - 8 * 24 * 60 * 60 * 1000);
  });

  it("does nothing when the database already has shows", async () => {
    await ensureDemoContent({ now });
    const shows = await countPodcasts();
    const insights = (await listInsights({ limit: 500 })).length;

    expect(await ensureDemoContent({ now })).toBeNull();
    expect(await countPodcasts()).toBe(shows);
    expect((await listInsights({ limit: 500 })).length).toBe(insights);
  });
});
