import { describe, expect, it } from "vitest";
import { cardByline, cardHeadline } from "@/lib/card-text";

// The text drawn into an insight's share card: it fits, and says where it was cut.

describe("cardHeadline", () => {
  it("keeps a short headline whole, drawn large", () => {
    expect(cardHeadline("  Write the decision\n down  ")).toEqual({
      text: "Write the decision down",
      fontSize: 72,
    });
  });

  it("draws longer headlines smaller", () => {
    expect(cardHeadline("x".repeat(80)).fontSize).toBe(60);
    expect(cardHeadline("word ".repeat(25)).fontSize).toBe(50);
  });

  it("cuts a very long headline at a word, with an ellipsis", () => {
    const long = "Hiring slowly is a decision with a cost that nobody writes down, ".repeat(5);
    const { text } = cardHeadline(long);
    expect(text.length).toBeLessThanOrEqual(150);
    expect(text.endsWith("…")).toBe(true);
    expect(long.startsWith(text.slice(0, -1))).toBe(true);
    expect(text.at(-2)).toMatch(/\w/);
  });

  it("cuts one endless word too", () => {
    expect(cardHeadline("a".repeat(400)).text).toBe(`${"a".repeat(149)}…`);
  });
});

describe("cardByline", () => {
  it("joins the speaker and the show, leaving out what is missing", () => {
    expect(cardByline(["Ada Example", "The Show"])).toBe("Ada Example · The Show");
    expect(cardByline([null, "The Show"])).toBe("The Show");
    expect(cardByline([" ", undefined])).toBe("");
  });

  it("cuts a long line", () => {
    const line = cardByline(["A speaker with a name", "A show title ".repeat(10)], 40);
    expect(line.length).toBeLessThanOrEqual(40);
    expect(line.endsWith("…")).toBe(true);
  });
});
