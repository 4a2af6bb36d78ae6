import { describe, expect, it } from "vitest";
import { hasForeignLink } from "@/lib/insights/model-insights";

describe("hasForeignLink", () => {
  const transcript = "Go to example.com/signup, or read more at https://docs.podbrief.test/guide.";
  it.each([
    ["Log in at https://phish.example/login now", true],
    ["Shortened: bit.ly/abc123", true],
    ["Visit www.evil.test for more", true],
    ["Sign up at example.com/signup today.", false],
    ["Details at https://docs.podbrief.test/guide.", false],
    ["No links here, just advice.", false],
  ])("%s → %s", (text, foreign) => {
    expect(hasForeignLink(text, transcript)).toBe(foreign);
  });
});
