import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { type EventKind, events } from "@/db/schema";
import { recordEvent } from "@/lib/reader-changes";
import { anInsight, givenEpisode, givenInsights, givenReader } from "./factories";

describe("recordEvent", () => {
  it("records a choice once however often it is repeated, a changed mind each time", async () => {
    const reader = await givenReader("ada");
    const other = await givenReader("grace");
    const { episodeId } = await givenEpisode({ title: "Choices" });
    const [insightId] = await givenInsights(episodeId, [anInsight()]);
    if (!insightId) throw new Error("no insight");
    // A brief's "more like this" link opened twice, then "less", twice, then "more" again.
    const kinds: EventKind[] = ["more", "more", "less", "less", "more", "open", "open"];
    for (const kind of kinds) {
      expect(await recordEvent({ userId: reader.id, insightId, kind })).toBe(true);
    }
    expect(await recordEvent({ userId: other.id, insightId, kind: "more" })).toBe(true);

    const db = await getDb();
    const recorded = async (userId: string) =>
      (
        await db
          .select({ kind: events.kind })
          .from(events)
          .where(eq(events.userId, userId))
          .orderBy(events.id)
      ).map((e) => e.kind);
    // Opening is something that happens, not a choice: each time counts.
    expect(await recorded(reader.id)).toEqual(["more", "less", "more", "open", "open"]);
    expect(await recorded(other.id)).toEqual(["more"]);
  });
});
