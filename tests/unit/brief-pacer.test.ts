import { describe, expect, it } from "vitest";
import { pacer, processPacer } from "@/lib/brief/send";

describe("the provider call pacer", () => {
  it("starts the next call a full interval after the previous answer, not after its start", async () => {
    const waits: number[] = [];
    const pace = pacer(2, async (ms) => {
      waits.push(ms);
    });
    await pace("before"); // the first call goes at once
    expect(waits).toEqual([]);
    await pace("after");
    await pace("before");
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(450);
    expect(waits[0]).toBeLessThanOrEqual(500);
  });

  it("does not wait when the interval has already passed", async () => {
    const waits: number[] = [];
    const pace = pacer(1000, async (ms) => {
      waits.push(ms);
    });
    await pace("after");
    await new Promise((resolve) => setTimeout(resolve, 5));
    await pace("before");
    expect(waits).toEqual([]);
  });

  it("queues callers that share it: two calls at once go an interval apart", async () => {
    const waits: number[] = [];
    const pace = pacer(2, async (ms) => {
      waits.push(ms);
    });
    await Promise.all([pace("before"), pace("before"), pace("before")]);
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeGreaterThan(450);
    expect(waits[1]).toBeGreaterThan(950);
  });

  it("is shared within a process, so a run that follows another keeps the interval", async () => {
    await processPacer(20)("after"); // the last call of one run
    const started = performance.now();
    await processPacer(20)("before"); // the first call of the next run
    expect(performance.now() - started).toBeGreaterThanOrEqual(40);
    expect(processPacer(10)).not.toBe(processPacer(20));
  });
});
