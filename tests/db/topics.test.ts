import { describe, expect, it } from "vitest";
import { listTopics, upsertTopics } from "@/db/queries/topics";
import { TOPICS } from "@/lib/insights/topics";

describe("topic queries", () => {
  it("store the vocabulary once, keeping labels current", async () => {
    await upsertTopics({ vocabulary: TOPICS });
    await upsertTopics({ vocabulary: [{ slug: "ai", label: "Artificial intelligence" }] });

    const topics = await listTopics();

    expect(topics).toHaveLength(TOPICS.length);
    expect(topics.find((t) => t.slug === "ai")?.label).toBe("Artificial intelligence");
    expect(topics.map((t) => t.label)).toEqual(
      [...topics.map((t) => t.label)].sort((a, b) => a.localeCompare(b)),
    );
  });
});
