import { describe, expect, it } from "vitest";
import { addTagAction, saveAction } from "@/lib/actions/library";
import { saveSettingsAction } from "@/lib/actions/profile";
import type { ActionResult } from "@/lib/actions/reader-action";
import type { Reader } from "@/lib/session";
import { type FeedParams, readFeed } from "@/lib/views/feed";
import { readInsight } from "@/lib/views/insight";
import { readLibrary } from "@/lib/views/library";
import { anInsight, givenEpisode, givenInsights, givenReader } from "./factories";

// The read side (lib/views) assembles what a page shows for the reader asking, or for a visitor.

function must<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new Error(`setup failed: ${result.error.message}`);
  return result.data;
}

async function givenCatalog(count: number): Promise<string[]> {
  const show = await givenEpisode({ show: "Show A" });
  return givenInsights(
    show.episodeId,
    Array.from({ length: count }, (_, i) => anInsight({ headline: `Insight ${i}` })),
  );
}

async function givenOnboarded(): Promise<Reader> {
  const reader = await givenReader();
  must(
    await saveSettingsAction(reader, {
      topics: [],
      timeZone: "UTC",
      briefHour: 7,
      briefEnabled: true,
      onboarding: true,
    }),
  );
  return reader;
}

describe("readFeed", () => {
  it("sends a reader who has not onboarded to onboarding, and marks the reader's saves", async () => {
    const [first] = await givenCatalog(2);
    expect(await readFeed({ reader: await givenReader(), params: {} })).toBe("onboarding");

    const reader = await givenOnboarded();
    must(await saveAction(reader, { insightId: first }));
    const feed = await readFeed({ reader, params: {} });
    if (feed === "onboarding") throw new Error("onboarded");
    expect(feed.entries.filter((e) => e.saved).map((e) => e.id)).toEqual([first]);
    expect(feed.filtered).toBe(false);

    // A visitor sees the same insights, none saved.
    const visitor = await readFeed({ reader: null, params: { q: "Insight" } });
    expect(visitor.filtered).toBe(true);
    expect(visitor.entries.some((e) => e.saved)).toBe(false);
    expect(visitor.entries).toHaveLength(2);
  });

  it("links the next page with the page's own filters", async () => {
    const { podcastId: show, episodeId } = await givenEpisode({ show: "Show B" });
    await givenInsights(
      episodeId,
      Array.from({ length: 25 }, (_, i) => anInsight({ headline: `Insight ${i}` })),
    );
    await givenCatalog(3); // another show's insights stay out of both pages
    const feed = await readFeed({ reader: null, params: { show, q: "Insight" } });
    expect(feed.entries.length).toBeLessThan(25);
    const next = new URL(feed.nextHref ?? "", "http://x");
    expect(next.pathname).toBe("/feed");
    expect(next.searchParams.get("show")).toBe(show);
    expect(next.searchParams.get("q")).toBe("Insight");
    expect(next.searchParams.get("cursor")).toBe(feed.nextCursor);
    const second = await readFeed({
      reader: null,
      params: Object.fromEntries(next.searchParams) as FeedParams,
    });
    expect(second.entries.length).toBeGreaterThan(0);
    expect(second.entries.some((e) => feed.entries.some((f) => f.id === e.id))).toBe(false);
  });
});

describe("readInsight", () => {
  it("gives the reader's save with its tags, a visitor none, and null for an unknown id", async () => {
    const [id] = await givenCatalog(1);
    const reader = await givenReader();
    const { saveId } = must(await saveAction(reader, { insightId: id }));
    must(await addTagAction(reader, { saveId, name: "to-try" }));
    const mine = await readInsight({ reader, id: id as string });
    expect(mine?.save?.tags.map((t) => t.name)).toEqual(["to-try"]);
    expect(mine?.allTags).toEqual(["to-try"]);
    const visitor = await readInsight({ reader: null, id: id as string });
    expect(visitor?.save).toBeNull();
    expect(visitor?.allTags).toEqual([]);
    expect(await readInsight({ reader, id: "00000000-0000-4000-8000-000000000000" })).toBeNull();
  });
});

describe("readLibrary", () => {
  it("filters by tag and pages by 30 with a cursor to the next page", async () => {
    const ids = await givenCatalog(31);
    const reader = await givenReader();
    for (const insightId of ids) must(await saveAction(reader, { insightId }));
    const first = await readLibrary({ reader, params: { tag: [], q: "", after: undefined } });
    expect(first.items).toHaveLength(30);
    expect(first.rssUrl).toMatch(/\/rss\/[A-Za-z0-9_-]{32}$/);
    const rest = await readLibrary({
      reader,
      params: { tag: [], q: "", after: first.nextAfter ?? "none" },
    });
    expect(rest.items).toHaveLength(1);
    expect(rest.nextAfter).toBeNull();

    const tagged = first.items[0]?.save;
    if (!tagged) throw new Error("no save");
    must(await addTagAction(reader, { saveId: tagged.saveId, name: "later" }));
    const filtered = await readLibrary({
      reader,
      params: { tag: ["later"], q: "", after: undefined },
    });
    expect(filtered.items.map((i) => i.save?.saveId)).toEqual([tagged.saveId]);
    expect(filtered.tags).toEqual([{ id: expect.any(String), name: "later", count: 1 }]);
  });
});
