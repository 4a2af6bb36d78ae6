import { describe, expect, it } from "vitest";
import { passageLines, splitMatches, transcriptView } from "@/lib/views/transcript-lines";

// The transcript on an episode's page: passages found by their words, searches taken as text.

const seg = (start: number | null, speaker: string | null, text: string) => ({
  start,
  end: null,
  speaker,
  text,
});

describe("passageLines", () => {
  it("picks the occurrence nearest the insight's time when the quote is said twice", () => {
    const segments = [
      seg(10, "A", "Ship it on Friday."),
      seg(20, "B", "No."),
      seg(600, "A", "Ship it on Friday!"),
    ];
    const found = passageLines(segments, [
      { id: "i", quote: "ship it on friday", quoteStartS: 590 },
    ]);
    expect([...found.lineInsight]).toEqual([[2, "i"]]);
    expect([...found.firstLine]).toEqual([[2, "passage-i"]]);
  });

  it("falls back to the line at the insight's time when the words are not found", () => {
    const segments = [seg(0, null, "one"), seg(30, null, "two"), seg(60, null, "three")];
    const found = passageLines(segments, [
      { id: "i", quote: "paraphrased words", quoteStartS: 45 },
    ]);
    expect([...found.lineInsight]).toEqual([[1, "i"]]);
  });

  it("marks nothing for a quote not found and without a time", () => {
    const found = passageLines(
      [seg(null, null, "text")],
      [{ id: "i", quote: "other", quoteStartS: null }],
    );
    expect(found.lineInsight.size).toBe(0);
  });
});

describe("splitMatches", () => {
  it("keeps the text as written around each match", () => {
    expect(splitMatches("Rust and rust and RUST", "rust")).toEqual([
      { text: "Rust", match: true },
      { text: " and ", match: false },
      { text: "rust", match: true },
      { text: " and ", match: false },
      { text: "RUST", match: true },
    ]);
  });

  it("marks the whole line when lower-casing changes the text's length", () => {
    expect(splitMatches("İstanbul talk", "talk")).toEqual([{ text: "İstanbul talk", match: true }]);
  });
});

describe("transcriptView", () => {
  it("renders a two-hour transcript quickly", () => {
    const segments = Array.from({ length: 4000 }, (_, i) =>
      seg(
        i * 1.8,
        i % 7 === 0 ? "Host" : "Guest",
        `Line ${i} says something about tooling and speed.`,
      ),
    );
    const insights = Array.from({ length: 10 }, (_, i) => ({
      id: `i${i}`,
      quote: `Line ${i * 300} says something`,
      quoteStartS: i * 540,
    }));
    const began = performance.now();
    const view = transcriptView({ segments, insights, q: "tooling" });
    expect(performance.now() - began).toBeLessThan(500);
    expect(view.matchCount).toBe(4000);
    expect(view.turns.flatMap((t) => t.lines).filter((l) => l.anchor).length).toBe(10);
  });
});
