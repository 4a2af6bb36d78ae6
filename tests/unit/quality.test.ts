import { describe, expect, it } from "vitest";
import { explainQuality, QUALITY_BAR, QUALITY_SIGNALS, qualityScore } from "@/lib/insights/quality";
import { demoCatalog } from "@/tests/fixtures/invented-shows";

const demoInsights = demoCatalog.flatMap((show) => show.episodes.flatMap((e) => e.insights));

const generic = [
  {
    headline: "The host and guest discussed the importance of leadership",
    body: "In this episode, they talked about various things related to leadership and why it matters for teams today.",
    quote: "Leadership is really important.",
  },
  {
    headline: "What makes a good manager?",
    body: "The guest shares his thoughts on management and explores what it takes to lead people well.",
    quote: "It's all about people, really.",
  },
  {
    headline: "Leadership matters",
    body: "An interesting conversation about leadership.",
    quote: "Leadership matters a lot.",
  },
];

describe("qualityScore", () => {
  it("ranks a specific, actionable demo insight above a generic summary", () => {
    const specific = demoInsights.find((i) => i.headline.startsWith("Give corrective feedback"));
    if (!specific) throw new Error("demo insight missing");
    const [vague] = generic;
    if (!vague) throw new Error("generic insight missing");
    expect(qualityScore(specific)).toBeGreaterThan(qualityScore(vague) + 0.3);
  });

  it("stays within [0, 1] and gives the same score every time", () => {
    const extremes = [
      { headline: "", body: "", quote: "" },
      { headline: "?", body: "x".repeat(5000), quote: "" },
      ...generic,
      ...demoInsights,
    ];
    for (const insight of extremes) {
      const score = qualityScore(insight);
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
      expect(qualityScore(insight)).toBe(score);
    }
  });

  it("lets most demo insights clear the brief's bar, and no generic one", () => {
    const clearing = demoInsights.filter((i) => qualityScore(i) >= QUALITY_BAR);
    expect(clearing.length / demoInsights.length).toBeGreaterThanOrEqual(0.8);
    for (const insight of generic)
      expect(qualityScore(insight), insight.headline).toBeLessThan(QUALITY_BAR);
  });

  it("penalises questions and bodies too short to carry a claim", () => {
    const base = {
      headline: "Cap pull requests at 400 changed lines so reviewers read them",
      body: "Fernway found that pull requests over a thousand lines were approved faster than medium ones, a sign they were skimmed. Keeping them under 400 lines makes review feel easy enough to do properly.",
      quote: "Anything over a thousand lines got approved faster than the medium ones.",
    };
    const asked = { ...base, headline: "Should pull requests be capped at 400 lines?" };
    const terse = { ...base, body: "Keep them small." };
    expect(qualityScore(asked)).toBeLessThan(qualityScore(base));
    expect(qualityScore(terse)).toBeLessThan(qualityScore(base));
  });
});

describe("explainQuality", () => {
  it("names the signals that moved the score, each one from the published list", () => {
    const [vague] = generic;
    if (!vague) throw new Error("generic insight missing");
    const report = explainQuality(vague);
    expect(report.score).toBe(qualityScore(vague));
    expect(report.signals.map((s) => s.id)).toContain("generic");
    const ids = new Set(QUALITY_SIGNALS.map((s) => s.id));
    expect(ids.size).toBe(QUALITY_SIGNALS.length);
    for (const signal of report.signals) expect(ids.has(signal.id)).toBe(true);
  });
});
