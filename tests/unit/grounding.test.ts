import { describe, expect, it } from "vitest";
import { groundQuote } from "@/lib/insights/grounding";

const segments = [
  {
    start: 0,
    end: 10,
    speaker: "Host",
    text: "Welcome to the show. Today we talk about one-on-ones.",
  },
  {
    start: 10,
    end: 31,
    speaker: "Guest",
    text: "Skip the status update. Ask what is blocking them this week.",
  },
];

describe("groundQuote", () => {
  it("finds the segment a quote was taken from, with its time and speaker", () => {
    const grounded = groundQuote("Ask what is blocking them this week.", segments);
    expect(grounded?.segment).toMatchObject({ start: 10, speaker: "Guest" });
    expect(grounded?.level).toBe("exact");
  });

  it("refuses words nobody said, and an empty quote", () => {
    expect(groundQuote("Ask what is slowing them down.", segments)).toBeNull();
    expect(groundQuote("   ", segments)).toBeNull();
  });
});
