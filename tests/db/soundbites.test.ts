import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { getInsight } from "@/db/queries/insights";
import { episodes } from "@/db/schema";
import { addShow } from "@/lib/ingest/add-show";
import { runIngest } from "@/lib/ingest/run";
import { soundbiteEnd } from "@/lib/listen";
import { type FeedServer, rssFeed, startFeedServer } from "../support/feed-server";
import { anInsight, givenInsights } from "./factories";

// A feed's podcast:soundbite ranges are stored on the episode by a feed check, follow the feed's
// changes, and reach the insight's card, where "Play the moment" stops at the bite's end.

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(async () => {
  await server.close();
});

const item = (bites: string) => ({
  guid: "sb1",
  title: "With soundbites",
  extra: bites,
});

async function episodeOf(podcastId: string) {
  const db = await getDb();
  const [row] = await db.select().from(episodes).where(eq(episodes.podcastId, podcastId));
  return row;
}

describe("soundbites", () => {
  it("are stored by a feed check and updated when the feed changes them", async () => {
    server.serve(
      "/bites.xml",
      rssFeed({
        items: [
          item(
            `<podcast:soundbite startTime="700" duration="90">The decision memo</podcast:soundbite>`,
          ),
        ],
      }),
    );
    const show = await addShow({ url: server.url("/bites.xml") });
    await runIngest({ podcastIds: [show.id] });
    const episode = await episodeOf(show.id);
    expect(episode?.soundbites).toEqual([{ start: 700, duration: 90, title: "The decision memo" }]);

    // The card of an insight said at 754 s carries them, and its moment ends with the bite.
    await givenInsights(episode?.id as string, [anInsight({ quoteStartS: 754 })]);
    const db = await getDb();
    const card = await getInsight({
      id: (
        await db.query.insights.findFirst({
          where: (insights, { eq: equals }) => equals(insights.episodeId, episode?.id as string),
        })
      )?.id as string,
    });
    expect(card?.episode.soundbites).toEqual(episode?.soundbites);
    expect(soundbiteEnd(card?.episode.soundbites, card?.quoteStartS ?? null)).toBe(790);

    server.serve("/bites.xml", rssFeed({ items: [item("")] }));
    await runIngest({ podcastIds: [show.id] });
    expect((await episodeOf(show.id))?.soundbites).toBeNull();
  });
});
