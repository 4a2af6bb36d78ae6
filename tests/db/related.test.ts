import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { linkNearDuplicates } from "@/db/queries/insight-writes";
import { relatedInsights } from "@/db/queries/insights";
import { insightLinks } from "@/db/schema";
import { anInsight, givenEpisode, givenInsights, vectorAlong } from "./factories";

describe("relatedInsights", () => {
  it("lists the closest insights from other episodes, above the floor, never its own episode", async () => {
    const a = await givenEpisode({ show: "Show A", title: "A1" });
    const b = await givenEpisode({ show: "Show B", title: "B1" });
    const [self, sameEpisode] = await givenInsights(a.episodeId, [
      anInsight({ headline: "self", embedding: vectorAlong({ 0: 1 }) }),
      anInsight({ headline: "same episode, identical point", embedding: vectorAlong({ 0: 1 }) }),
    ]);
    const [close, farther, unrelated] = await givenInsights(b.episodeId, [
      anInsight({ headline: "close", embedding: vectorAlong({ 0: 0.9, 1: 0.1 }) }),
      anInsight({ headline: "farther", embedding: vectorAlong({ 0: 0.5, 1: 0.5 }) }),
      anInsight({ headline: "unrelated", embedding: vectorAlong({ 2: 1 }) }),
    ]);

    const related = await relatedInsights({ insightId: self as string, floor: 0.2 });

    expect(related.map((r) => r.id)).toEqual([close, farther]);
    expect(related.map((r) => r.id)).not.toContain(sameEpisode);
    expect(related.map((r) => r.id)).not.toContain(unrelated);
    expect(related[0]).toMatchObject({ podcastTitle: "Show B", episodeTitle: "B1" });
  });

  it("is empty for an unknown id or an insight without an embedding", async () => {
    const a = await givenEpisode();
    const [bare] = await givenInsights(a.episodeId, [anInsight({ embedding: null })]);
    expect(await relatedInsights({ insightId: bare as string, floor: 0 })).toEqual([]);
    expect(await relatedInsights({ insightId: "not-an-id", floor: 0 })).toEqual([]);
  });
});

describe("linkNearDuplicates", () => {
  it("links the same point made on another show, both ways, and not on the same show", async () => {
    const a = await givenEpisode({ show: "Show A" });
    const a2 = await givenEpisode({ show: "Show A", title: "another A episode" });
    const b = await givenEpisode({ show: "Show B" });
    const [fresh] = await givenInsights(a.episodeId, [
      anInsight({ embedding: vectorAlong({ 0: 1, 1: 0.05 }) }),
    ]);
    await givenInsights(a2.episodeId, [anInsight({ embedding: vectorAlong({ 0: 1 }) })]);
    const [twin, other] = await givenInsights(b.episodeId, [
      anInsight({ embedding: vectorAlong({ 0: 1 }) }),
      anInsight({ embedding: vectorAlong({ 1: 1 }) }),
    ]);

    expect(await linkNearDuplicates({ insightIds: [fresh as string], threshold: 0.95 })).toBe(1);
    expect(await linkNearDuplicates({ insightIds: [fresh as string], threshold: 0.95 })).toBe(1); // idempotent

    const db = await getDb();
    const links = (await db.select().from(insightLinks))
      .map((l) => [l.insightId, l.otherId])
      .sort();
    expect(links).toEqual(
      [
        [fresh, twin],
        [twin, fresh],
      ].sort(),
    );
    expect(links.flat()).not.toContain(other);
  });
});
