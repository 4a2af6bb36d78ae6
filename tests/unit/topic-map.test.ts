import { describe, expect, it } from "vitest";
import { mapTopicLabels, topicsForText } from "@/lib/insights/topic-map";
import { isTopicSlug } from "@/lib/insights/topics";
import { demoCatalog } from "@/tests/fixtures/invented-shows";

const demoInsights = demoCatalog.flatMap((show) => show.episodes.flatMap((e) => e.insights));

describe("topicsForText", () => {
  it("agrees with the hand-assigned topics of at least 70% of the demo insights", () => {
    const agreeing = demoInsights.filter((insight) =>
      topicsForText(`${insight.headline} ${insight.body}`).some((t) => insight.topics.includes(t)),
    );
    expect(agreeing.length / demoInsights.length).toBeGreaterThanOrEqual(0.7);
  });

  it("returns at most max vocabulary slugs, best first", () => {
    const text =
      "We hired two engineers after a take-home interview; candidates who got the offer had to negotiate salary.";
    const topics = topicsForText(text, 2);
    expect(topics).toHaveLength(2);
    expect(topics[0]).toBe("hiring");
    expect(topics.every(isTopicSlug)).toBe(true);
  });

  it("matches whole words and hyphenated phrases", () => {
    expect(topicsForText("Our weekly one-on-ones with each direct report")).toContain("management");
    expect(
      topicsForText("Sleep pressure and circadian rhythm explain the afternoon dip"),
    ).toContain("health");
  });

  it("returns nothing when nothing matches", () => {
    expect(topicsForText("Hello there, nice to see you again.")).toEqual([]);
    expect(topicsForText("")).toEqual([]);
  });
});

describe("mapTopicLabels", () => {
  it("maps slugs, labels and aliases", () => {
    expect(mapTopicLabels(["AI"], "")).toEqual(["ai"]);
    expect(mapTopicLabels(["Personal Finance", "open source"], "")).toEqual([
      "personal-finance",
      "open-source",
    ]);
    expect(mapTopicLabels(["ML"], "")).toEqual(["ai"]);
    expect(mapTopicLabels(["LLMs", "Machine learning"], "")).toEqual(["ai"]);
    expect(mapTopicLabels(["VC"], "")).toEqual(["fundraising"]);
  });

  it("maps labels that contain a topic or an alias", () => {
    expect(mapTopicLabels(["Engineering Management"], "")).toEqual(["management", "engineering"]);
    expect(mapTopicLabels(["Fundraising strategy"], "")).toEqual(["fundraising"]);
    expect(mapTopicLabels(["career growth"], "")).toEqual(["careers"]);
    expect(mapTopicLabels(["VC funding", "AI ethics"], "")).toEqual(["fundraising", "ai"]);
  });

  it("falls back to the context when no label maps", () => {
    const context = "Stop caffeine eight hours before bed to protect deep sleep.";
    expect(mapTopicLabels(["Misc", "Episode 12"], context)).toContain("health");
    expect(mapTopicLabels([], context)).toContain("health");
  });

  it("de-duplicates, caps at max, and never leaves the vocabulary", () => {
    const labels = ["AI", "ml", "Hiring", "Sales", "Marketing", "Quantum basket weaving", "VC"];
    const topics = mapTopicLabels(labels, "anything", 3);
    expect(topics).toEqual(["ai", "hiring", "sales"]);
    const noisy = mapTopicLabels(["<script>", "leadership; DROP TABLE", "🚀 growth hacking"], "");
    expect(noisy.length).toBeLessThanOrEqual(3);
    expect(noisy.every(isTopicSlug)).toBe(true);
  });

  it("reads 'writing code' as programming, and writing prose as writing", () => {
    expect(topicsForText("Writing code in Rust makes the installer fast")).toEqual(["engineering"]);
    expect(topicsForText("They write tests before they write the code")).not.toContain("writing");
    expect(topicsForText("I write an essay every week for my newsletter")).toContain("writing");
  });
});
