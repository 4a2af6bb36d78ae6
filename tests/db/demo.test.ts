import { describe, expect, it } from "vitest";
import { countPodcasts } from "@/db/queries/catalog";
import { getInsight, listInsights } from "@/db/queries/insights";
import { ensureDemoContent } from "@/lib/demo/load";

describe("demo catalog", () => {
  it("loads shows, episodes and grounded insights into an empty database", async () => {
    const loaded = await ensureDemoContent({ now: new Date("2026-11-24T06:00:00Z") });

    expect(loaded?.podcasts).toBeGreaterThanOrEqual(3);
    expect(loaded?.episodes).toBeGreaterThanOrEqual(6);
    expect(loaded?.insights).toBeGreaterThanOrEqual(30);

    const cards = await listInsights({ limit: 500 });
    expect(cards).toHaveLength(loaded?.insights ?? -1);
    for (const card of cards) {
      expect(card.quote.length).toBeGreaterThan(0);
      expect(card.quoteStartS).not.toBeNull();
      expect(card.speaker).toBeTruthy();
      expect(card.topics.length).toBeGreaterThan(0);
    }
    const one = await getInsight({ id: cards[0]?.id as string });
    expect(one?.headline).toBe(cards[0]?.headline);
  });

  it("does nothing when the database already has shows", async () => {
    await ensureDemoContent();
    const shows = await countPodcasts();
    const insights = (await listInsights({ limit: 500 })).length;

    expect(await ensureDemoContent()).toBeNull();
    expect(await countPodcasts()).toBe(shows);
    expect((await listInsights({ limit: 500 })).length).toBe(insights);
  });
});
