import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertPodcast } from "@/db/queries/catalog";
import { showArtwork } from "@/lib/artwork";
import { type FeedServer, startFeedServer } from "../support/feed-server";

// The artwork route's fetches of a feed's image: one per show while it is kept, whatever spelling
// of the show's id is asked for, and one for many requests arriving together. Anyone may call the
// route, so it must not become a way to make this server fetch a host over and over.

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
let host: FeedServer;

beforeAll(async () => {
  host = await startFeedServer();
  host.route("/art.png", (_request, response) => {
    // Slow enough that the requests below overlap.
    setTimeout(() => response.writeHead(200, { "content-type": "image/png" }).end(PNG), 200);
  });
});
afterAll(async () => {
  await host?.close();
});

describe("showArtwork", () => {
  it("fetches a show's image once for requests together and for an upper-case id", async () => {
    const id = await upsertPodcast({
      podcast: {
        feedUrl: "https://example.com/artwork-show.xml",
        title: "Artwork Show",
        imageUrl: host.url("/art.png"),
      },
    });
    const spellings = [id, id, id.toUpperCase(), id, id.toUpperCase()];
    const answers = await Promise.all(spellings.map((spelling) => showArtwork(spelling)));
    expect(answers.map((a) => a?.contentType)).toEqual(Array(5).fill("image/png"));
    expect(answers.every((a) => a?.placeholder === false)).toBe(true);
    expect(await showArtwork(id.toUpperCase())).toMatchObject({ contentType: "image/png" });
    expect(host.hits("/art.png")).toBe(1);
  });

  it("draws an initial, and says there is no show for an id that is not one", async () => {
    const id = await upsertPodcast({
      podcast: { feedUrl: "https://example.com/no-art.xml", title: "No Art" },
    });
    expect((await showArtwork(id))?.placeholder).toBe(true);
    expect(await showArtwork("not-a-uuid")).toBeNull();
    expect(await showArtwork("00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});
