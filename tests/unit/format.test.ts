import { describe, expect, it } from "vitest";
import { formatRelativeDay, formatTimestamp } from "@/lib/format";

describe("formatTimestamp", () => {
  it.each([
    [0, "0:00"],
    [7.9, "0:07"],
    [754, "12:34"],
    [3600, "1:00:00"],
    [3723, "1:02:03"],
    [-5, "0:00"],
  ])("%s seconds is %s", (seconds, expected) => {
    expect(formatTimestamp(seconds)).toBe(expected);
  });
});

describe("formatRelativeDay", () => {
  const now = new Date("2026-11-24T06:00:00Z");
  it.each([
    ["2026-11-24T01:00:00Z", "today"],
    ["2026-11-23T23:00:00Z", "yesterday"],
    ["2026-11-20T12:00:00Z", "4 days ago"],
    ["2025-01-02T12:00:00Z", "Jan 2, 2025"],
  ])("%s is %s", (date, expected) => {
    expect(formatRelativeDay(new Date(date), now)).toBe(expected);
  });
});
