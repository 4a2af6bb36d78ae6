import { describe, expect, it } from "vitest";
import { replaceEpisodeInsights } from "@/db/queries/insight-writes";
import { getInsight, listInsights, nearestInsights, searchInsights } from "@/db/queries/insights";
import { anInsight, givenEpisode, givenInsights, vectorAlong } from "./factories";

describe("insight queries", () => {
  it("listInsights puts the newest episode first, in extraction order within an episode", async () => {
    const older = await givenEpisode({
      show: "Old Show",
      publishedAt: new Date("2026-11-01T00:00:00Z"),
    });
    const newer = await givenEpisode({
      show: "New Show",
      publishedAt: new Date("2026-11-22T00:00:00Z"),
    });
    await givenInsights(older.episodeId, [anInsight({ headline: "Old point" })]);
    await givenInsights(newer.episodeId, [
      anInsight({ headline: "New point one" }),
      anInsight({ headline: "New point two" }),
    ]);

    const cards = await listInsights();

    expect(cards.map((c) => c.headline)).toEqual(["New point one", "New point two", "Old point"]);
    expect(cards[0]?.podcast.title).toBe("New Show");
  });

  it("getInsight returns the card with its topics, show and episode", async () => {
    const { episodeId } = await givenEpisode({ show: "Manager Hours", title: "On decisions" });
    const [id] = await givenInsights(episodeId, [
      anInsight({ topics: ["leadership", "management"] }),
    ]);

    const card = await getInsight({ id: id as string });

    expect(card).toMatchObject({
      headline: "Write the decision down before the meeting ends",
      quote: "If it isn't written down, it wasn't decided.",
      quoteStartS: 754,
      speaker: "Ada Example",
      episode: { title: "On decisions" },
      podcast: { title: "Manager Hours" },
    });
    expect(card?.topics.map((t) => t.slug).sort()).toEqual(["leadership", "management"]);
  });

  it("getInsight is null for an unknown id and for something that is not an id", async () => {
    expect(await getInsight({ id: "00000000-0000-4000-8000-000000000000" })).toBeNull();
    expect(await getInsight({ id: "../../etc/passwd" })).toBeNull();
  });

  it("replaceEpisodeInsights replaces an episode's insights instead of adding to them", async () => {
    const { episodeId } = await givenEpisode();
    await givenInsights(episodeId, [anInsight({ headline: "First run" })]);
    await replaceEpisodeInsights({
      episodeId,
      model: "test",
      promptVersion: "t2",
      items: [anInsight({ headline: "Second run" })],
    });
    expect((await listInsights()).map((c) => c.headline)).toEqual(["Second run"]);
  });

  it("replaceEpisodeInsights keeps the id of an insight whose quote is unchanged", async () => {
    const { episodeId } = await givenEpisode();
    const [kept, gone] = await givenInsights(episodeId, [
      anInsight({ headline: "Old wording", quote: "Same words said." }),
      anInsight({ headline: "Dropped", quote: "Words no longer chosen." }),
    ]);
    const ids = await replaceEpisodeInsights({
      episodeId,
      model: "test",
      promptVersion: "t2",
      items: [
        anInsight({ headline: "New point", quote: "Fresh words." }),
        anInsight({ headline: "New wording", quote: "Same words said.", topics: ["careers"] }),
      ],
    });
    expect(ids[1]).toBe(kept);
    expect(ids).not.toContain(gone);
    const card = await getInsight({ id: kept as string });
    expect(card).toMatchObject({ headline: "New wording" });
    expect(card?.topics.map((t) => t.slug)).toEqual(["careers"]);
    expect(await getInsight({ id: gone as string })).toBeNull();
  });

  it("full-text search finds stemmed words and honours web search syntax", async () => {
    const { episodeId } = await givenEpisode();
    await givenInsights(episodeId, [
      anInsight({
        headline: "Hire slowly for judgment",
        body: "Hiring managers should test judgment with real work samples.",
        quote: "We hire for judgment.",
      }),
      anInsight({
        headline: "Fire the meeting, not the people",
        body: "Cancel recurring meetings that have no owner.",
        quote: "Meetings need owners.",
      }),
      anInsight({
        headline: "Budget time for hiring",
        body: "Interview loops take longer than founders expect.",
        quote: "It took us nine months to hire.",
      }),
    ]);

    const hiring = await searchInsights({ query: "hires" });
    expect(hiring.map((c) => c.headline).sort()).toEqual([
      "Budget time for hiring",
      "Hire slowly for judgment",
    ]);
    expect(hiring[0]?.headline).toBe("Hire slowly for judgment"); // headline matches weigh most

    const notJudgment = await searchInsights({ query: "hiring -judgment" });
    expect(notJudgment.map((c) => c.headline)).toEqual(["Budget time for hiring"]);

    expect(await searchInsights({ query: "kubernetes" })).toEqual([]);
  });

  it("nearest insights come back in cosine order, skipping the one asked about", async () => {
    const { episodeId } = await givenEpisode();
    const [a, b, c, d] = await givenInsights(episodeId, [
      anInsight({ headline: "A", embedding: vectorAlong({ 0: 1 }) }),
      anInsight({ headline: "B", embedding: vectorAlong({ 0: 0.9, 1: 0.1 }) }),
      anInsight({ headline: "C", embedding: vectorAlong({ 0: 0.5, 1: 0.5 }) }),
      anInsight({ headline: "D", embedding: vectorAlong({ 1: 1 }) }),
      anInsight({ headline: "no embedding", embedding: null }),
    ]);

    const near = await nearestInsights({
      embedding: vectorAlong({ 0: 1 }),
      excludeId: a,
      limit: 10,
    });

    expect(near.map((n) => n.id)).toEqual([b, c, d]);
    expect(near[0]?.similarity).toBeGreaterThan(0.99);
    expect(near[2]?.similarity).toBeCloseTo(0, 5);
  });
});
