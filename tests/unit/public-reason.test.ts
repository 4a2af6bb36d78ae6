import { afterEach, describe, expect, it, vi } from "vitest";
import { FetchError } from "@/lib/ingest/safe-fetch";
import { publicReason } from "@/lib/public-reason";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("publicReason", () => {
  it("passes our own sentences through", () => {
    expect(
      publicReason(new FetchError("timeout", "no response within 20 s"), "checking the feed"),
    ).toBe("no response within 20 s");
    expect(publicReason(new Error("the episode has no transcript"), "summarizing")).toBe(
      "the episode has no transcript",
    );
  });

  it("keeps a database error's SQL and parameters out, and logs them instead", () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const dbError = Object.assign(
      new Error('Failed query: insert into "episodes" …\nparams: secret'),
      { name: "DrizzleQueryError" },
    );
    expect(publicReason(dbError, "storing the feed")).toBe(
      "unexpected error while storing the feed (see the server log)",
    );
    expect(logged).toHaveBeenCalledOnce();
  });

  it("treats a programming error as unexpected", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(publicReason(new TypeError("x is undefined"), "transcribing")).toBe(
      "unexpected error while transcribing (see the server log)",
    );
  });

  it("says a missing file in words", () => {
    const missing = Object.assign(new Error("ENOENT: no such file"), { code: "ENOENT" });
    expect(publicReason(missing, "reading the feed")).toBe(
      "reading the feed: the file does not exist",
    );
  });
});
