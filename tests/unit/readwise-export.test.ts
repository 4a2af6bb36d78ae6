import { describe, expect, it } from "vitest";
import { readwiseDocument } from "@/lib/api/schemas";
import { readwiseHighlight, readwiseJson } from "@/lib/export/readwise";
import type { SavedInsight } from "@/lib/export/types";

// The Readwise export: each saved insight as one highlight of Readwise's import, in the shape
// its POST /api/v2/highlights/ takes.

const saved = (over: Partial<SavedInsight> = {}): SavedInsight => ({
  saveId: "s1",
  insightId: "i1",
  headline: "Ship small",
  body: "Small releases fail small.",
  quote: "We ship every day.",
  speaker: "Ada Lovelace",
  quoteStartS: 3723.6,
  topics: ["Leadership"],
  podcastTitle: "Builders",
  episodeTitle: "Episode 12",
  episodeUrl: "https://pod.test/ep/12",
  audioUrl: "https://cdn.test/ep12.mp3",
  publishedAt: new Date("2026-11-20T08:00:00Z"),
  savedAt: new Date("2026-11-24T06:00:00Z"),
  note: "Try this with the team.",
  tags: ["to-try", "ai"],
  insightUrl: "https://podbrief.test/insights/i1",
  ...over,
});

describe("Readwise export", () => {
  it("maps a saved insight to a Readwise highlight", () => {
    expect(readwiseHighlight(saved())).toEqual({
      text: "We ship every day.",
      title: "Episode 12",
      author: "Builders",
      source_url: "https://pod.test/ep/12",
      source_type: "podbrief",
      category: "podcasts",
      note: ".to-try .ai\n\nShip small\n\nTry this with the team.\n\nSpeaker: Ada Lovelace",
      location: 3723,
      location_type: "time_offset",
      highlighted_at: "2026-11-24T06:00:00.000Z",
      highlight_url: "https://podbrief.test/insights/i1",
    });
  });

  it("starts the note with the tags, where Readwise reads them, and keeps its commands out", () => {
    const { note } = readwiseHighlight(saved({ tags: ["h1", "qa", "c2", "h10"], note: null }));
    expect(note?.split("\n\n")[0]).toBe(".tag-h1 .tag-qa .tag-c2 .h10");
  });

  it("leaves out what is unknown or unsafe, and keeps within Readwise's limits", () => {
    const bare = readwiseHighlight(
      saved({
        quoteStartS: null,
        episodeUrl: "javascript:alert(1)",
        audioUrl: null,
        note: null,
        speaker: null,
        tags: [],
        quote: "x".repeat(9000),
      }),
    );
    expect(bare).not.toHaveProperty("location");
    expect(bare).not.toHaveProperty("location_type");
    expect(bare).not.toHaveProperty("source_url");
    expect(bare.note).toBe("Ship small");
    expect(bare.text).toHaveLength(8191);
    // No episode page: the audio file is the source.
    expect(readwiseHighlight(saved({ episodeUrl: null })).source_url).toBe(
      "https://cdn.test/ep12.mp3",
    );
  });

  it("writes the import's request body, which the API's schema accepts", () => {
    const document = JSON.parse(readwiseJson([saved(), saved({ insightId: "i2" })]));
    expect(readwiseDocument.parse(document).highlights).toHaveLength(2);
  });
});
