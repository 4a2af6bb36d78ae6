import { describe, expect, it } from "vitest";
import {
  claimExtraction,
  completeExtraction,
  releaseExtraction,
} from "@/db/queries/extraction-cache";

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 24, 8, minutes));
const claim = (now: Date) =>
  claimExtraction({
    key: "k",
    model: "m",
    promptVersion: "v",
    now,
    leaseUntil: new Date(now.getTime() + 60_000),
  });

describe("the extraction cache", () => {
  it("gives a key to one worker; the next finds it busy, then done", async () => {
    const first = await claim(at(0));
    expect(first.state).toBe("claimed");
    expect((await claim(at(0))).state).toBe("busy");
    if (first.state !== "claimed") throw new Error("unreachable");
    expect(
      await completeExtraction({
        key: "k",
        token: first.token,
        result: { insights: [] },
        usage: { input: 1, output: 2 },
      }),
    ).toBe(true);
    expect(await claim(at(0))).toEqual({
      state: "done",
      result: { insights: [] },
      usage: { input: 1, output: 2 },
    });
  });

  it("a worker whose lease ran out can neither finish nor release the new holder's claim", async () => {
    const slow = await claim(at(0));
    const takeover = await claim(at(5)); // the slow worker's lease ended at 8:01
    if (slow.state !== "claimed" || takeover.state !== "claimed")
      throw new Error("both should have claimed");

    await releaseExtraction({ key: "k", token: slow.token });
    expect((await claim(at(5))).state).toBe("busy"); // the new claim survived
    expect(
      await completeExtraction({
        key: "k",
        token: slow.token,
        result: { late: true },
        usage: { input: 0, output: 0 },
      }),
    ).toBe(false);
    expect(
      await completeExtraction({
        key: "k",
        token: takeover.token,
        result: { fresh: true },
        usage: { input: 0, output: 0 },
      }),
    ).toBe(true);
    expect(await claim(at(5))).toMatchObject({ state: "done", result: { fresh: true } });
  });
});
