import { describe, expect, it } from "vitest";
import { briefForDate } from "@/db/queries/brief-history";
import { isCalendarDate, isTimestamp, searchText } from "@/db/queries/input";
import { searchInsights } from "@/db/queries/insights";
import { listLibrary } from "@/db/queries/library";
import { listShowChoices } from "@/db/queries/profiles";
import { saveInsight } from "@/db/queries/saves";
import { feedPage } from "@/lib/feed";
import { anInsight, givenEpisode, givenInsights, givenReader } from "./factories";

// Input PostgreSQL refuses (NUL in text, a day that does not exist) is cleaned or refused before
// any SQL: the reader gets a page, not a 500.

describe("search text with NUL and control characters", () => {
  it("finds what the printable part finds, on every search", async () => {
    const reader = await givenReader();
    const { episodeId } = await givenEpisode();
    const [id] = await givenInsights(episodeId, [
      anInsight({ headline: "Write the decision down before the meeting ends" }),
    ]);
    await saveInsight({ userId: reader.id, insightId: id as string });
    const hostile = "decision\u0000\u0007";

    const feed = await feedPage({ userId: reader.id, filter: { q: hostile } });
    expect(feed.entries.map((e) => e.id)).toEqual([id]);
    expect((await searchInsights({ query: hostile })).map((c) => c.id)).toEqual([id]);
    const library = await listLibrary({ userId: reader.id, q: hostile });
    expect(library.map((e) => e.insightId)).toEqual([id]);
    expect(await listShowChoices({ userId: reader.id, q: "\u0000" })).toBeInstanceOf(Array);
  });
});

describe("dates and cursors that do not exist", () => {
  it("reads a malformed saved-list cursor as the first page", async () => {
    const reader = await givenReader();
    const { episodeId } = await givenEpisode();
    const [id] = await givenInsights(episodeId, [anInsight()]);
    await saveInsight({ userId: reader.id, insightId: id as string });
    const after = "2026-13-45T99:99:99.000000_00000000-0000-4000-8000-000000000000";
    const page = await listLibrary({ userId: reader.id, after });
    expect(page.map((e) => e.insightId)).toEqual([id]);
  });

  it("has no brief for 2026-02-30 or 9999-99-99", async () => {
    const reader = await givenReader();
    expect(await briefForDate({ userId: reader.id, localDate: "2026-02-30" })).toBeNull();
    expect(await briefForDate({ userId: reader.id, localDate: "9999-99-99" })).toBeNull();
  });

  it("tells real days and moments from impossible ones", () => {
    expect(isCalendarDate("2024-02-29")).toBe(true);
    expect(isCalendarDate("2026-02-29")).toBe(false);
    expect(isTimestamp("2026-12-07T23:59:59.999999")).toBe(true);
    expect(isTimestamp("2026-12-07T24:00:00")).toBe(false);
    expect(searchText(" a\u0000b \n c ")).toBe("a b c");
  });
});
