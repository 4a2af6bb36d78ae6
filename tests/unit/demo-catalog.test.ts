import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { demoCatalog } from "@/lib/demo/catalog";
import { DEMO_FEEDS_DIR, renderDemoFiles } from "@/lib/demo/render";
import { groundQuote } from "@/lib/insights/grounding";
import { isTopicSlug } from "@/lib/insights/topics";

const episodes = demoCatalog.flatMap((show) => show.episodes);
const insights = episodes.flatMap((episode) =>
  episode.insights.map((insight) => ({ episode, insight })),
);

describe("the demo catalog", () => {
  it("is big enough for a living feed: 3+ shows, 6+ episodes, 30+ insights", () => {
    expect(demoCatalog.length).toBeGreaterThanOrEqual(3);
    expect(episodes.length).toBeGreaterThanOrEqual(6);
    expect(insights.length).toBeGreaterThanOrEqual(30);
  });

  it("quotes only words said in the episode's own transcript", () => {
    const ungrounded = insights
      .filter(({ episode, insight }) => !groundQuote(insight.quote, episode.segments))
      .map(({ insight }) => insight.headline);
    expect(ungrounded).toEqual([]);
  });

  it("keeps headlines, quotes and topics within the product's limits", () => {
    for (const { insight } of insights) {
      expect(insight.headline.length, insight.headline).toBeLessThanOrEqual(90);
      expect(insight.quote.length, insight.headline).toBeLessThanOrEqual(300);
      expect(insight.topics.length, insight.headline).toBeGreaterThanOrEqual(1);
      expect(
        insight.topics.filter((t) => !isTopicSlug(t)),
        insight.headline,
      ).toEqual([]);
    }
  });

  it("has transcripts with ordered, timed, attributed segments", () => {
    for (const episode of episodes) {
      let previousEnd = 0;
      for (const segment of episode.segments) {
        expect(segment.start, episode.guid).toBeGreaterThanOrEqual(previousEnd);
        expect(segment.end, episode.guid).toBeGreaterThan(segment.start);
        expect(segment.speaker, episode.guid).not.toBe("");
        previousEnd = segment.end;
      }
    }
  });

  it("uses unique feed URLs and episode guids", () => {
    expect(new Set(demoCatalog.map((s) => s.feedUrl)).size).toBe(demoCatalog.length);
    expect(new Set(episodes.map((e) => e.guid)).size).toBe(episodes.length);
  });
});

describe("the committed demo feed files", () => {
  it("are what npm run demo:files renders from the catalog (run it after editing the catalog)", () => {
    for (const file of renderDemoFiles(demoCatalog)) {
      const committed = readFileSync(path.join(DEMO_FEEDS_DIR, file.path), "utf8");
      expect(committed, file.path).toBe(file.content);
    }
  });
});
