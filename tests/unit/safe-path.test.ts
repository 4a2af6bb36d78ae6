import { describe, expect, it } from "vitest";
import { safeLocalPath } from "@/lib/safe-path";

describe("safeLocalPath", () => {
  it("keeps paths on this site, with their query", () => {
    expect(safeLocalPath("/feed", "/x")).toBe("/feed");
    expect(safeLocalPath("/saved?tag=to-try&q=a", "/x")).toBe("/saved?tag=to-try&q=a");
  });

  it("refuses anything that leaves the site", () => {
    for (const raw of [
      "//evil.com",
      "/\\evil.com",
      "/\\/evil.com",
      "https://evil.com/feed",
      "javascript:alert(1)",
      "feed",
      "",
      null,
      42,
    ]) {
      expect(safeLocalPath(raw, "/fallback"), String(raw)).toBe("/fallback");
    }
  });
});
