import { XMLParser, XMLValidator } from "fast-xml-parser";
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

  it("keeps the first of each address in a large upload, in document order", () => {
    // A 1 MB upload holds some 30,000 outlines; every address twice, the second time reversed.
    const n = 15_000;
    const urls = Array.from({ length: n }, (_, i) => `https://f.test/${i}`);
    const outlines = [...urls, ...urls.toReversed()]
      .map((url) => `<outline type="rss" xmlUrl="${url}"/>`)
      .join("");
    const parsed = parseOpml(`<opml version="2.0"><body>${outlines}</body></opml>`);
    expect(parsed).toHaveLength(n);
    expect(parsed).toEqual(urls);
  });

  it("round-trips what it exports, escaping titles and URLs", () => {
    const shows = [
      { title: 'Tom & "Jerry"', feedUrl: "https://a.test/feed?x=1&y=2", siteUrl: "https://a.test" },
      { title: "<Plain>", feedUrl: "https://b.test/rss" },
    ];
    const xml = buildOpml(shows);
    expect(xml).toContain('text="Tom &amp; &quot;Jerry&quot;"');
    expect(parseOpml(xml)).toEqual(shows.map((s) => s.feedUrl));
    const parser = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => name === "outline",
    });
    const outlines = parser.parse(xml).opml.body.outline;
    expect(outlines).toEqual([
      {
        "@_type": "rss",
        "@_text": 'Tom & "Jerry"',
        "@_title": 'Tom & "Jerry"',
        "@_xmlUrl": "https://a.test/feed?x=1&y=2",
        "@_htmlUrl": "https://a.test",
      },
      {
        "@_type": "rss",
        "@_text": "<Plain>",
        "@_title": "<Plain>",
        "@_xmlUrl": "https://b.test/rss",
      },
    ]);
  });

  it("exports an empty list as a valid OPML document", () => {
    const xml = buildOpml([], new Date("2026-01-02T03:04:05Z"));
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(new XMLParser().parse(xml).opml.head).toEqual({
      title: "Podbrief shows",
      dateCreated: "Fri, 02 Jan 2026 03:04:05 GMT",
    });
    expect(parseOpml(xml)).toEqual([]);
  });

  it("refuses entity declarations and things that are not OPML", () => {
    expect(() => parseOpml('<!DOCTYPE opml [<!ENTITY x "y">]><opml/>')).toThrow(OpmlError);
    expect(() => parseOpml("<rss><channel/></rss>")).toThrow(/not an OPML file/);
  });
});
