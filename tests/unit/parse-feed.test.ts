import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FeedParseError, parsePodcastFeed } from "@/lib/ingest/parse-feed";

const FEEDS = path.resolve("../shared/fixtures/feeds");
const present = existsSync(FEEDS);
if (!present) console.warn(`skipping real-feed parser tests: ${FEEDS} is absent`);
const fixture = (name: string) => readFileSync(path.join(FEEDS, name), "utf8");

const minimal = (
  head: string,
  channel = "",
) => `${head}<rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel><title>T</title>${channel}
<item><guid>g1</guid><title>One</title><pubDate>Mon, 23 Nov 2026 08:00:00 GMT</pubDate><enclosure url="https://x.test/1.mp3" length="" type="audio/mpeg"/></item>
</channel></rss>`;

describe("parsePodcastFeed guards", () => {
  it("refuses a DOCTYPE with entities (billion laughs) in well under a second", () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">]><rss><channel><title>&h;</title></channel></rss>`;
    const started = performance.now();
    expect(() => parsePodcastFeed(lol)).toThrow(FeedParseError);
    expect(() => parsePodcastFeed(lol)).toThrow(/DOCTYPE with entities/);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("refuses an external DTD, and says a web page is a web page", () => {
    expect(() =>
      parsePodcastFeed(minimal('<?xml version="1.0"?><!DOCTYPE rss SYSTEM "file:///etc/passwd">')),
    ).toThrow(/external DTD/);
    for (const page of [
      "<html><body>hi</body></html>",
      '<!DOCTYPE html>\n<html lang="en"><head><title>My show</title></head></html>',
    ])
      expect(() => parsePodcastFeed(page)).toThrow(/this is a web page, not a feed/);
    expect(() => parsePodcastFeed("<opml><body/></opml>")).toThrow(/not an RSS or Atom feed/);
    expect(() => parsePodcastFeed("")).toThrow(FeedParseError);
  });

  it("reads a feed with a bare DOCTYPE, or with '<!ENTITY' as text in a show note", () => {
    const bare = parsePodcastFeed(minimal('<?xml version="1.0"?>\n<!DOCTYPE rss>\n'));
    expect(bare.episodes.map((e) => e.title)).toEqual(["One"]);
    const note = parsePodcastFeed(
      minimal(
        "",
        '<description><![CDATA[How XML bombs work: <!ENTITY lol "lol"> and friends.]]></description>',
      ),
    );
    expect(note.description).toContain("<!ENTITY lol");
  });

  it("tolerates a BOM, whitespace before the declaration and a single-quoted declaration", () => {
    for (const head of [
      '\uFEFF<?xml version="1.0"?>',
      '\n\n  <?xml version="1.0"?>',
      "<?xml version='1.0' encoding='UTF-8'?>",
      "",
    ]) {
      const feed = parsePodcastFeed(minimal(head));
      expect(feed.episodes.map((e) => e.title)).toEqual(["One"]);
    }
  });

  it("reads podcast:block and podcast:locked", () => {
    expect(parsePodcastFeed(minimal("", "<podcast:block>yes</podcast:block>")).blocked).toBe(true);
    expect(
      parsePodcastFeed(minimal("", '<podcast:locked owner="a@b.test">yes</podcast:locked>')).locked,
    ).toBe(true);
    expect(parsePodcastFeed(minimal("")).blocked).toBe(false);
  });

  it("falls back to the enclosure URL, then title and date, when an item has no guid", () => {
    const xml = `<rss><channel><title>T</title>
      <item><title>A</title><enclosure url="https://x.test/a.mp3" type="audio/mpeg" length="1"/></item>
      <item><title>B</title><pubDate>Mon, 23 Nov 2026 08:00:00 GMT</pubDate><enclosure url="ftp://x.test/b.mp3" type="audio/mpeg" length="1"/></item>
      <item><title>No audio at all</title><guid>text-only</guid></item></channel></rss>`;
    // An item with no enclosure is a blog post, not an episode: the parser leaves it out.
    expect(parsePodcastFeed(xml).episodes.map((e) => e.guid)).toEqual([
      "https://x.test/a.mp3",
      "B|2026-11-23T08:00:00.000Z",
    ]);
  });

  it("resolves relative transcript links against the feed, and allows local ones only for a local feed", () => {
    const xml = `<rss xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel><title>T</title>
      <item><guid>1</guid><title>A</title><enclosure url="https://x.test/a.mp3" type="audio/mpeg" length="1"/>
      <podcast:transcript url="transcripts/1.json" type="application/json"/>
      <podcast:chapters url="file:///etc/passwd" type="application/json"/></item></channel></rss>`;
    const remote = parsePodcastFeed(xml, { baseUrl: "https://feeds.test/show/feed.xml" })
      .episodes[0];
    expect(remote?.transcripts).toEqual([
      { url: "https://feeds.test/show/transcripts/1.json", type: "application/json" },
    ]);
    expect(remote?.chaptersUrl).toBeNull();
    const local = parsePodcastFeed(xml, { baseUrl: "file:///srv/demo/feed.xml" }).episodes[0];
    expect(local?.transcripts[0]?.url).toBe("file:///srv/demo/transcripts/1.json");
    expect(local?.chaptersUrl).toBe("file:///etc/passwd");
    expect(parsePodcastFeed(xml).episodes[0]?.transcripts).toEqual([]);
  });

  it("keeps show notes sanitized and as plain text", () => {
    const xml = `<rss><channel><title>T</title><item><guid>1</guid><title>A</title><enclosure url="https://x.test/a.mp3" type="audio/mpeg" length="1"/>
      <description><![CDATA[<p>Hello <script>x()</script><a href="javascript:evil()">bad</a> <a href="https://ok.test">ok</a></p>]]></description></item></channel></rss>`;
    const [episode] = parsePodcastFeed(xml).episodes;
    expect(episode?.showNotesHtml).toBe(
      '<p>Hello <a>bad</a> <a href="https://ok.test" rel="nofollow noopener" target="_blank">ok</a></p>',
    );
    expect(episode?.showNotesText).toBe("Hello bad ok");
  });
});

describe.runIf(present)("parsePodcastFeed on real feeds", () => {
  it("reads the 730-item feed with PST dates", () => {
    const feed = parsePodcastFeed(fixture("giant-bombcast_730-items_large.rss"));
    expect(feed.title).toBe("Giant Bombcast");
    expect(feed.episodes).toHaveLength(730);
    expect(feed.episodes.every((e) => e.publishedAt instanceof Date)).toBe(true);
    // A handful of items say <itunes:duration>0</itunes:duration>: unknown, not zero.
    expect(feed.episodes.filter((e) => e.durationSeconds === null).length).toBeLessThan(50);
    expect(feed.episodes.filter((e) => (e.durationSeconds ?? 0) > 60).length).toBeGreaterThan(650);
  });

  it("reads a malformed feed with an undefined entity, the old namespace, transcripts and locked", () => {
    const feed = parsePodcastFeed(
      fixture("no-agenda_MALFORMED-undefined-entity_pc20-transcript-chapters-person-value.xml"),
    );
    expect(feed.episodes).toHaveLength(29);
    expect(feed.locked).toBe(true);
    expect(feed.episodes.every((e) => e.transcripts.length > 0 && e.chaptersUrl)).toBe(true);
  });

  it("reads Podlove Simple Chapters", () => {
    const feed = parsePodcastFeed(fixture("cre-podlove_psc-simple-chapters_paged_german.xml"));
    const chapters = feed.episodes.flatMap((e) => e.chapters ?? []);
    expect(chapters).toHaveLength(231);
    expect(chapters.every((c) => c.title !== "" && c.start >= 0)).toBe(true);
  });

  it("reads the single-quoted CJK feed and the leading-newline feed", () => {
    expect(
      parsePodcastFeed(fixture("soundcloud-japanese_single-quoted-xmldecl_cjk.xml")).title,
    ).toBe("清順★麻実子のいもほり倶楽部");
    expect(
      parsePodcastFeed(fixture("sentimental-garbage_MALFORMED-leading-newline_acast-138-items.xml"))
        .episodes,
    ).toHaveLength(138);
  });

  it("reads a feed with no item descriptions and empty enclosure lengths", () => {
    const feed = parsePodcastFeed(
      fixture(
        "metope_guerrilla-radio_MISSING-item-descriptions_empty-enclosure-length_romanian.xml",
      ),
    );
    expect(feed.episodes).toHaveLength(167);
    expect(feed.episodes.every((e) => e.audioUrl)).toBe(true);
  });
});
