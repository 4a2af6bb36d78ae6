import { afterEach, describe, expect, it } from "vitest";
import { upsertPodcast } from "@/db/queries/catalog";
import { followPodcast } from "@/db/queries/profiles";
import { podcastIndexHeaders } from "@/lib/directory/podcast-index";
import { SHOW_SEARCH_LIMIT } from "@/lib/directory/search-limit";
import type { DirectoryConfig } from "@/lib/directory/types";
import { readShowSearch } from "@/lib/views/show-search";
import { type FakeDirectory, startFakeDirectory } from "../support/fake-directory";
import { givenReader } from "./factories";

// The show search: the catalog's own shows first, then a directory's (a fake one on 127.0.0.1),
// the same feed never listed twice, and a directory that fails leaves words and the catalog.

let directory: FakeDirectory | null = null;
afterEach(async () => {
  await directory?.close();
  directory = null;
});

async function givenDirectory(config: Partial<DirectoryConfig> = {}) {
  directory = await startFakeDirectory();
  const settings: DirectoryConfig = {
    source: "apple",
    baseUrl: directory.url,
    timeoutMs: 1_000,
    ...config,
  };
  return { fake: directory, config: settings };
}

async function givenCatalog() {
  const reader = await givenReader();
  const radio = await upsertPodcast({
    podcast: { feedUrl: "https://feeds.example.com/radio.xml", title: "Deep Work Radio" },
  });
  const classic = await upsertPodcast({
    podcast: { feedUrl: "https://feeds.example.com/classic.xml", title: "DWC", author: "Cal" },
  });
  await upsertPodcast({ podcast: { feedUrl: "https://feeds.example.com/o.xml", title: "Other" } });
  await followPodcast({ userId: reader.id, podcastId: radio });
  return { reader, radio, classic };
}

const DIRECTORY_SHOWS = [
  {
    title: "Deep Work Radio",
    author: "Cal",
    feedUrl: "https://feeds.example.com/radio.xml",
    episodeCount: 120,
  },
  {
    title: "Deep Work Classic",
    author: "Cal",
    feedUrl: "https://feeds.example.com/classic.xml#top",
    episodeCount: 9,
  },
  {
    title: "Deep Work Weekly",
    author: "Ana Writer",
    feedUrl: "https://weekly.example.org/feed",
    artworkUrl: "https://img.example.org/weekly.jpg",
    episodeCount: 42,
  },
  { title: "Deep Work Gopher", author: "X", feedUrl: "gopher://old.example/feed" },
  {
    title: "Deep Work Plain",
    author: "Y",
    feedUrl: "http://plain.example.net/rss",
    artworkUrl: "http://plain.example.net/art.png",
  },
];

describe("readShowSearch", () => {
  it("lists catalog shows first with the follow state, and a feed already in it only once", async () => {
    const { reader, radio, classic } = await givenCatalog();
    const { fake, config } = await givenDirectory();
    fake.setShows(DIRECTORY_SHOWS);

    const found = await readShowSearch({ reader, q: "deep work", directory: config });

    expect(found.directoryError).toBeNull();
    // By name, and by feed address (the directory calls "DWC" Deep Work Classic).
    expect(found.catalog.map((s) => [s.id, s.followed])).toEqual([
      [radio, true],
      [classic, false],
    ]);
    // Catalog shows' artwork comes through our own route, never from the feed's host.
    expect(found.catalog.map((s) => s.artworkUrl)).toEqual([
      `/api/artwork/${radio}`,
      `/api/artwork/${classic}`,
    ]);
    expect(found.directory.map((s) => s.title)).toEqual(["Deep Work Weekly", "Deep Work Plain"]);
    expect(found.directory[0]).toEqual({
      title: "Deep Work Weekly",
      author: "Ana Writer",
      feedUrl: "https://weekly.example.org/feed",
      artworkUrl: "https://img.example.org/weekly.jpg",
      episodeCount: 42,
      source: "apple",
    });
    // Artwork over plain http would be mixed content: left out, the feed itself is kept.
    expect(found.directory[1]?.artworkUrl).toBeNull();
    const asked = fake.requests().at(-1);
    expect(asked?.path).toBe("/search");
    expect(Object.fromEntries(asked?.query ?? [])).toMatchObject({
      media: "podcast",
      entity: "podcast",
      term: "deep work",
    });
  });

  it("signs Podcast Index requests as it asks (key, date, sha1 of key+secret+date)", async () => {
    const { reader } = await givenCatalog();
    const { fake, config } = await givenDirectory({
      source: "podcastindex",
      key: "KEY123",
      secret: "s3cret$",
    });
    fake.setCredentials("KEY123", "s3cret$");
    fake.setShows(DIRECTORY_SHOWS);

    const found = await readShowSearch({ reader, q: "weekly", directory: config });

    expect(found.directoryError).toBeNull();
    expect(found.directory).toEqual([
      expect.objectContaining({
        title: "Deep Work Weekly",
        source: "podcastindex",
        episodeCount: 42,
      }),
    ]);
    const headers = fake.requests().at(-1)?.headers;
    expect(headers?.["x-auth-key"]).toBe("KEY123");
    expect(podcastIndexHeaders({ key: "a", secret: "b", now: new Date(1_000_000) })).toEqual({
      "User-Agent": "Podbrief/1.0",
      "X-Auth-Key": "a",
      "X-Auth-Date": "1000",
      // sha1("ab1000"), from sha1sum
      Authorization: "153f45a2e94a609cd3bfdb75357737c177ea689f",
    });

    // A wrong secret is refused by the index; the reader reads that it is not answering.
    const wrong = await readShowSearch({
      reader,
      q: "weekly",
      directory: { ...config, secret: "other" },
    });
    expect(wrong.directory).toEqual([]);
    expect(wrong.directoryError).toMatch(/The Podcast Index is not answering right now/);
  });

  it("a directory that is down says so in words, and the catalog's shows are still there", async () => {
    const { reader, radio } = await givenCatalog();
    const { fake, config } = await givenDirectory();
    fake.setMode("error");

    const found = await readShowSearch({ reader, q: "radio", directory: config });

    expect(found.catalog.map((s) => s.id)).toEqual([radio]);
    expect(found.directory).toEqual([]);
    expect(found.directoryError).toMatch(/^Apple Podcasts' directory is not answering right now/);
    expect(found.directoryError).toMatch(/Shows already in Podbrief are still listed/);
  });

  it("counts every search against the reader's limit; over it, only the catalog answers", async () => {
    const { reader, radio } = await givenCatalog();
    const { fake, config } = await givenDirectory();
    fake.setShows(DIRECTORY_SHOWS);
    for (let i = 0; i < SHOW_SEARCH_LIMIT.limit; i++) {
      expect(
        (await readShowSearch({ reader, q: `radio ${i}`, directory: config })).directoryError,
      ).toBeNull();
    }
    const asked = fake.requests().length;

    const over = await readShowSearch({ reader, q: "radio", directory: config });

    expect(fake.requests()).toHaveLength(asked); // the directory was not asked
    expect(over.catalog.map((s) => s.id)).toEqual([radio]);
    expect(over.directoryError).toMatch(/^Too many searches in a minute/);
    // Another reader is not held back by this one.
    const other = await givenReader();
    expect(
      (await readShowSearch({ reader: other, q: "radio", directory: config })).directoryError,
    ).toBeNull();
  });

  it("a directory that hangs is given up on after the timeout", async () => {
    const { reader, radio } = await givenCatalog();
    const { fake, config } = await givenDirectory({ timeoutMs: 300 });
    fake.setMode("hang");

    const started = Date.now();
    const found = await readShowSearch({ reader, q: "radio", directory: config });

    expect(Date.now() - started).toBeLessThan(3_000);
    expect(found.catalog.map((s) => s.id)).toEqual([radio]);
    expect(found.directoryError).toMatch(/took too long to answer/);
  });

  it("a directory answering junk is a message, not a crash", async () => {
    const { reader } = await givenCatalog();
    const { fake, config } = await givenDirectory();
    fake.setMode("junk");
    const found = await readShowSearch({ reader, q: "radio", directory: config });
    expect(found.directoryError).toMatch(/not a search result/);
  });

  it("takes hostile queries as plain text: NUL, 2000 characters, % and _", async () => {
    const { reader, radio } = await givenCatalog();
    await upsertPodcast({ podcast: { feedUrl: "https://x.example/p.xml", title: "100% Pure" } });
    const { fake, config } = await givenDirectory();
    fake.setShows([]);

    const nul = await readShowSearch({ reader, q: "Deep\u0000Work", directory: config });
    expect(nul.catalog.map((s) => s.id)).toEqual([radio]);
    expect(fake.requests().at(-1)?.query.get("term")).toBe("Deep Work");

    const long = await readShowSearch({ reader, q: "x".repeat(2000), directory: config });
    expect(long).toMatchObject({ catalog: [], directory: [], directoryError: null });
    expect(fake.requests().at(-1)?.query.get("term")).toHaveLength(200);

    const percent = await readShowSearch({ reader, q: "%", directory: config });
    expect(percent.catalog.map((s) => s.title)).toEqual(["100% Pure"]);
    const underscore = await readShowSearch({ reader, q: "_", directory: config });
    expect(underscore.catalog).toEqual([]);

    const blank = await readShowSearch({ reader, q: " \u0000 ", directory: config });
    expect(blank).toEqual({ q: "", catalog: [], directory: [], directoryError: null });
  });
});
