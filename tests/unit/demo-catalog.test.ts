import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEMO_FEEDS_DIR } from "@/lib/demo/load";
import { parsePodcastFeed } from "@/lib/ingest/parse-feed";
import { readTranscript } from "@/lib/ingest/transcripts";
import { groundQuote } from "@/lib/insights/grounding";
import { isTopicSlug } from "@/lib/insights/topics";
import { demoCatalog } from "@/tests/fixtures/invented-shows";

const episodes = demoCatalog.flatMap((show) => show.episodes);
const insights = episodes.flatMap((episode) =>
  episode.insights.map((insight) => ({ episode, insight })),
);

describe("the invented shows (test fixtures)", () => {
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

describe("the demo: real Changelog episodes", () => {
  const feeds = readdirSync(DEMO_FEEDS_DIR).filter((file) => file.endsWith(".xml"));

  it("has shows and episodes enough for a living feed, each transcript credited", () => {
    expect(feeds.length).toBeGreaterThanOrEqual(3);
    const attribution = readFileSync(path.join(DEMO_FEEDS_DIR, "ATTRIBUTION.md"), "utf8");
    expect(attribution).toContain("CC BY-SA 4.0");
    expect(attribution).toContain("Creative Commons Attribution-ShareAlike 4.0");
    let episodes = 0;
    for (const file of feeds) {
      const feed = parsePodcastFeed(readFileSync(path.join(DEMO_FEEDS_DIR, file), "utf8"));
      expect(feed.description, file).toContain("CC BY-SA 4.0");
      for (const item of feed.episodes) {
        episodes++;
        const transcript = item.transcripts[0]?.url ?? "";
        expect(attribution, transcript).toContain(path.basename(transcript));
        expect(existsSync(path.join(DEMO_FEEDS_DIR, transcript)), transcript).toBe(true);
      }
    }
    expect(episodes).toBeGreaterThanOrEqual(6);
  });

  it("has transcripts the parser reads with a speaker on every turn", () => {
    const dir = path.join(DEMO_FEEDS_DIR, "transcripts");
    for (const file of readdirSync(dir)) {
      const { segments, format } = readTranscript(readFileSync(path.join(dir, file), "utf8"));
      expect(format, file).toBe("text/labelled");
      expect(segments.filter((s) => s.speaker).length / segments.length, file).toBeGreaterThan(
        0.98,
      );
    }
  });
});
