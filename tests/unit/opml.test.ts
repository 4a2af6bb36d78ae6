import { describe, expect, it } from "vitest";
import { buildOpml, OpmlError, parseOpml } from "@/lib/ingest/opml";

describe("OPML", () => {
  it("reads feed URLs from nested outlines, once each", () => {
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>
      <outline text="Tech"><outline type="rss" text="A" xmlUrl="https://a.test/feed"/>
      <outline type="rss" text="B &amp; C" xmlUrl="https://b.test/rss?x=1&amp;y=2"/></outline>
      <outline type="rss" text="A again" xmlUrl="https://a.test/feed"/></body></opml>`;
    expect(parseOpml(opml)).toEqual(["https://a.test/feed", "https://b.test/rss?x=1&y=2"]);
  });

  it("round-trips what it exports, escaping titles and URLs", () => {
    const shows = [
      { title: 'Tom & "Jerry"', feedUrl: "https://a.test/feed?x=1&y=2", siteUrl: "https://a.test" },
      { title: "<Plain>", feedUrl: "https://b.test/rss" },
    ];
    const xml = buildOpml(shows);
    expect(xml).toContain('text="Tom &amp; &quot;Jerry&quot;"');
    expect(parseOpml(xml)).toEqual(shows.map((s) => s.feedUrl));
  });

  it("refuses entity declarations and things that are not OPML", () => {
    expect(() => parseOpml('<!DOCTYPE opml [<!ENTITY x "y">]><opml/>')).toThrow(OpmlError);
    expect(() => parseOpml("<rss><channel/></rss>")).toThrow(/not an OPML file/);
  });
});
