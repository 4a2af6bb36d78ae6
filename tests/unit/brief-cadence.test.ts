import { describe, expect, it } from "vitest";
import { briefPlan, cadenceSentence, localDateIn, weekLabel } from "@/lib/brief/cadence";
import { briefSubject } from "@/lib/brief/render";
import type { BriefItemView } from "@/lib/brief/types";

// What each cadence covers and how a weekly brief names itself.

const item = (headline: string): BriefItemView => ({
  insightId: headline,
  kind: "top",
  headline,
  body: "Body.",
  quote: "",
  speaker: null,
  podcastTitle: "Show",
  episodeTitle: "Episode",
  listenUrl: null,
  listenLabel: null,
  reason: "Because",
  insightUrl: "https://podbrief.test/insights/x",
  actions: { save: null, more: "https://podbrief.test/m", less: "https://podbrief.test/l" },
});

describe("briefPlan", () => {
  it("daily and weekdays: five from two days; a weekdays Monday four days; weekly ten from seven", () => {
    expect(briefPlan("daily", "2026-11-23")).toMatchObject({ windowHours: 48, size: 5 });
    expect(briefPlan("weekdays", "2026-11-24")).toMatchObject({ windowHours: 48, size: 5 });
    expect(briefPlan("weekdays", "2026-11-23")).toMatchObject({ windowHours: 96, size: 5 });
    expect(briefPlan("weekly", "2026-11-27")).toMatchObject({ windowHours: 168, size: 10 });
  });
});

describe("weekLabel", () => {
  it("names the seven local days ending on the date, across a month's end too", () => {
    expect(weekLabel("2026-11-27")).toBe("21–27 November");
    expect(weekLabel("2026-12-03")).toBe("27 November – 3 December");
  });
});

describe("cadenceSentence and localDateIn", () => {
  it("says when the brief comes, and which local day it is in a zone", () => {
    expect(cadenceSentence("weekly", 5, 7)).toBe("every Friday at 07:00");
    expect(cadenceSentence("weekdays", 1, 18)).toBe("Monday to Friday at 18:00");
    expect(localDateIn(new Date("2026-11-20T18:00:00Z"), "Pacific/Auckland")).toBe("2026-11-21");
  });
});

describe("a weekly brief's subject", () => {
  it("says it is the weekly brief, and stays within 78 characters", () => {
    const items = Array.from({ length: 10 }, (_, i) => item(`Headline ${i}`));
    expect(briefSubject(items, "weekly")).toBe("Your weekly brief: Headline 0 + 9 more");
    expect(briefSubject(items, "daily")).toBe("Headline 0 + 9 more");
    const long = [item(`${"A very long headline about hiring ".repeat(3)}end`), ...items];
    const subject = briefSubject(long, "weekly");
    expect(subject.startsWith("Your weekly brief: A very long")).toBe(true);
    expect(subject.length).toBeLessThanOrEqual(78);
  });
});
