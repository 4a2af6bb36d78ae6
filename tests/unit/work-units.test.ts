import { describe, expect, it } from "vitest";
import { backoffMs, givesUp, MAX_ATTEMPTS, MAX_BACKOFF_MS } from "@/lib/work/units";

const MINUTE = 60_000;

describe("the work queues' back-off and giving up", () => {
  it("backs a failing feed off exponentially from 15 minutes, never past a day", () => {
    expect(backoffMs("feed", 0)).toBe(15 * MINUTE);
    expect(backoffMs("feed", 3)).toBe(120 * MINUTE);
    expect(backoffMs("feed", 20)).toBe(MAX_BACKOFF_MS);
  });

  it("retries a transcript after 30 minutes per try, a summary after 30 minutes doubling", () => {
    expect([1, 2].map((n) => backoffMs("transcript", n))).toEqual([30 * MINUTE, 60 * MINUTE]);
    expect([1, 2, 3].map((n) => backoffMs("summarize", n))).toEqual([
      30 * MINUTE,
      60 * MINUTE,
      120 * MINUTE,
    ]);
  });

  it("gives an episode up at its last try, a batch after its last try besides the composing claim", () => {
    expect(givesUp("transcript", MAX_ATTEMPTS.transcript - 1)).toBe(false);
    expect(givesUp("transcript", MAX_ATTEMPTS.transcript)).toBe(true);
    expect(givesUp("summarize", MAX_ATTEMPTS.summarize)).toBe(true);
    expect(givesUp("briefBatch", MAX_ATTEMPTS.briefBatch)).toBe(false);
    expect(givesUp("briefBatch", MAX_ATTEMPTS.briefBatch + 1)).toBe(true);
  });
});
