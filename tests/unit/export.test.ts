import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { libraryCsv } from "@/lib/export/csv";
import { libraryJson } from "@/lib/export/json";
import { listenUrl } from "@/lib/export/listen-url";
import { insightMarkdown, libraryMarkdown, markdownFileName } from "@/lib/export/markdown";
import { savedRss } from "@/lib/export/rss";
import type { SavedInsight } from "@/lib/export/types";
import { zipFiles } from "@/lib/export/zip";

const HOSTILE = 'Why: "#1" matters\n---\nevil: true # not a comment\u2028\\';

const saved = (over: Partial<SavedInsight> = {}): SavedInsight => ({
  saveId: "s1",
  insightId: "i1",
  headline: "Ship small",
  body: "Small releases fail small.",
  quote: "We ship every day.\nEvery single day.",
  speaker: "Ada Lovelace",
  quoteStartS: 3723.6,
  topics: ["Leadership", "Product"],
  podcastTitle: "Builders",
  episodeTitle: "Episode 12",
  episodeUrl: "https://pod.test/ep/12",
  audioUrl: "https://cdn.test/ep12.mp3",
  publishedAt: new Date("2026-11-20T08:00:00Z"),
  savedAt: new Date("2026-11-24T06:00:00Z"),
  note: "Try this with the team.",
  tags: ["to try", "AI"],
  insightUrl: "https://podbrief.test/insights/i1",
  ...over,
});

// Reads the front matter back line by line: every value must be one JSON-compatible quoted
// string, so a line that is anything else means feed text escaped its quotes.
function frontMatter(markdown: string): Record<string, string | string[]> {
  const [open, ...rest] = markdown.split("\n");
  expect(open).toBe("---");
  const out: Record<string, string | string[]> = {};
  let listKey = "";
  for (const line of rest.slice(0, rest.indexOf("---"))) {
    const scalar = /^([a-z]+): (".*")$/.exec(line);
    const item = /^ {2}- (".*")$/.exec(line);
    if (scalar?.[1] && scalar[2]) out[scalar[1]] = JSON.parse(scalar[2]);
    else if (/^[a-z]+:$/.test(line)) {
      listKey = line.slice(0, -1);
      out[listKey] = [];
    } else if (item?.[1]) (out[listKey] as string[]).push(JSON.parse(item[1]));
    else throw new Error(`not front matter: ${line}`);
  }
  return out;
}

describe("listenUrl", () => {
  it("points at the quote's whole second in the audio, else at the episode page", () => {
    expect(listenUrl(saved())).toBe("https://cdn.test/ep12.mp3#t=3723");
    expect(listenUrl(saved({ audioUrl: "https://cdn.test/a.mp3#t=9" }))).toBe(
      "https://cdn.test/a.mp3#t=3723",
    );
    expect(listenUrl(saved({ quoteStartS: null }))).toBe("https://pod.test/ep/12");
    expect(listenUrl(saved({ audioUrl: "javascript:alert(1)" }))).toBe("https://pod.test/ep/12");
    expect(listenUrl(saved({ audioUrl: null, episodeUrl: null }))).toBeNull();
  });
});

describe("insightMarkdown", () => {
  it("writes front matter that parses back, even from a hostile headline", () => {
    const md = insightMarkdown(saved({ headline: HOSTILE, speaker: "O'Brien\t\u0000" }));
    expect(frontMatter(md)).toEqual({
      title: HOSTILE,
      podcast: "Builders",
      episode: "Episode 12",
      speaker: "O'Brien\t\u0000",
      timestamp: "1:02:03",
      listen: "https://cdn.test/ep12.mp3#t=3723",
      source: "https://podbrief.test/insights/i1",
      published: "2026-11-20T08:00:00.000Z",
      saved: "2026-11-24T06:00:00.000Z",
      tags: ["to-try", "AI"],
      topics: ["Leadership", "Product"],
    });
    expect(md.split("\n").filter((line) => line === "---")).toHaveLength(2);
  });

  it("puts the headline, body, attributed quote and note after the front matter", () => {
    const body = insightMarkdown(saved({ headline: "Line\none" })).split("---\n\n")[1];
    expect(body).toBe(
      "# Line one\n\nSmall releases fail small.\n\n> We ship every day.\n> Every single day.\n" +
        ">\n> — Ada Lovelace\n\n## Note\n\nTry this with the team.\n",
    );
  });

  it("leaves out what is unknown", () => {
    const md = insightMarkdown(
      saved({ speaker: null, quoteStartS: null, publishedAt: null, note: null, tags: [] }),
    );
    expect(Object.keys(frontMatter(md))).not.toContain("speaker");
    expect(md).not.toMatch(/timestamp|published|tags|## Note|—/);
  });
});

describe("libraryMarkdown", () => {
  it("is one document with a section per insight and rules between them", () => {
    const items = [saved({ headline: HOSTILE }), saved({ headline: "Two", tags: ["deep work"] })];
    const md = libraryMarkdown(items, { title: "My library", exportedAt: new Date("2026-11-25") });
    expect(md.startsWith("# My library\n\nExported 2026-11-25 · 2 insights\n\n---\n\n## ")).toBe(
      true,
    );
    expect(md.match(/^## /gm)).toHaveLength(2);
    expect(md.match(/^---$/gm)).toHaveLength(2);
    expect(md).toContain('## Why: "#1" matters --- evil: true # not a comment \\\\\n');
    expect(md).toContain("[Listen at 1:02:03](<https://cdn.test/ep12.mp3#t=3723>)");
    expect(md).toContain("#deep-work");
  });
});

describe("markdownFileName", () => {
  it("makes safe, readable names that are unique regardless of case", () => {
    const used = new Set<string>();
    const names = [HOSTILE, 'why "#1" matters', "", "CON", "a/b\\c:d*e?f<g>h|i"].map((h) =>
      markdownFileName({ headline: h }, used),
    );
    expect(names[0]).toBe("Why 1 matters --- evil true not a comment.md");
    expect(markdownFileName({ headline: "WHY: 1 MATTERS --- EVIL TRUE NOT A COMMENT" }, used)).toBe(
      "WHY 1 MATTERS --- EVIL TRUE NOT A COMMENT 2.md",
    );
    expect(names.slice(1)).toEqual([
      "why 1 matters.md",
      "Insight.md",
      "CON insight.md",
      "a b c d e f g h i.md",
    ]);
    for (const name of names) {
      expect(name).not.toMatch(/[/\\:*?"<>|#]/);
      expect([...name].every((char) => char >= " ")).toBe(true);
    }
  });

  it("cuts long headlines at a word, within file-system byte limits", () => {
    const long = markdownFileName({ headline: "word ".repeat(40) }, new Set());
    expect(long.length).toBeLessThanOrEqual(83);
    expect(long).toMatch(/^word( word)*\.md$/);
    const emoji = markdownFileName({ headline: "🎧".repeat(100) }, new Set());
    expect(Buffer.byteLength(emoji)).toBeLessThanOrEqual(255);
  });
});

const hasUnzip = spawnSync("unzip", ["-v"]).status === 0;

// The system unzip where there is one, else Python's zipfile: either way, not our own reader.
function unzip(archive: string): Map<string, Buffer> {
  if (hasUnzip) {
    execFileSync("unzip", ["-tq", archive]);
    const env = { ...process.env, LC_ALL: "C.UTF-8" };
    const names = execFileSync("unzip", ["-Z1", archive], { env }).toString().split("\n");
    return new Map(
      names.filter(Boolean).map((n) => [n, execFileSync("unzip", ["-p", archive, n])]),
    );
  }
  const script = `import json,sys,zipfile
z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None
print(json.dumps({i.filename: z.read(i).hex() for i in z.infolist()}))`;
  const out = JSON.parse(execFileSync("python3", ["-c", script, archive]).toString());
  return new Map(Object.entries<string>(out).map(([n, hex]) => [n, Buffer.from(hex, "hex")]));
}

describe("zipFiles", () => {
  it("round-trips through an independent unzip, non-ASCII names included", () => {
    const bytes = new Uint8Array([0, 1, 2, 255, 254]);
    const long = "All work and no play. ".repeat(500);
    const archive = zipFiles([
      { name: "Café — naïve 🎧.md", content: "# Café\n", modifiedAt: new Date("2026-11-24") },
      { name: "notes/long.md", content: long },
      { name: "raw.bin", content: bytes },
      { name: "empty.txt", content: "" },
    ]);
    const file = path.join(mkdtempSync(path.join(tmpdir(), "podbrief-zip-")), "export.zip");
    writeFileSync(file, archive);
    const entries = unzip(file);
    expect([...entries.keys()]).toEqual([
      "Café — naïve 🎧.md",
      "notes/long.md",
      "raw.bin",
      "empty.txt",
    ]);
    expect(entries.get("Café — naïve 🎧.md")?.toString()).toBe("# Café\n");
    expect(entries.get("notes/long.md")?.toString()).toBe(long);
    expect(new Uint8Array(entries.get("raw.bin") ?? [])).toEqual(bytes);
    expect(entries.get("empty.txt")?.length).toBe(0);
    expect(archive.length).toBeLessThan(long.length / 10);
    // Info-ZIP on Linux passes name bytes through; Windows and Python read CP437 without bit 11.
    expect(new DataView(archive.buffer).getUint16(6, true) & 0x0800).toBe(0x0800);
  });

  it("stamps the UTC clock whatever the server's zone, and the exact instant beside it", () => {
    const zone = process.env.TZ;
    process.env.TZ = "America/Los_Angeles";
    let archive: Uint8Array<ArrayBuffer>;
    try {
      archive = zipFiles([
        { name: "a.md", content: "a", modifiedAt: new Date("2026-11-24T13:45:10Z") },
      ]);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    const header = new DataView(archive.buffer);
    const time = header.getUint16(10, true);
    const date = header.getUint16(12, true);
    expect([time >> 11, (time >> 5) & 63, (time & 31) * 2]).toEqual([13, 45, 10]);
    expect([(date >> 9) + 1980, (date >> 5) & 15, date & 31]).toEqual([2026, 11, 24]);
    const extra = archive.subarray(30 + 4, 30 + 4 + 9);
    const stamp = new DataView(extra.buffer, extra.byteOffset);
    expect([stamp.getUint16(0, true), stamp.getUint16(2, true), stamp.getUint8(4)]).toEqual([
      0x5455, 5, 1,
    ]);
    expect(stamp.getUint32(5, true)).toBe(Date.parse("2026-11-24T13:45:10Z") / 1000);
  });

  it("refuses names that would unpack outside the folder, and duplicates", () => {
    expect(() => zipFiles([{ name: "../evil.md", content: "" }])).toThrow(/Unsafe/);
    expect(() => zipFiles([{ name: "/etc/passwd", content: "" }])).toThrow(/Unsafe/);
    expect(() =>
      zipFiles([
        { name: "a.md", content: "" },
        { name: "a.md", content: "" },
      ]),
    ).toThrow(/Duplicate/);
  });
});

// RFC 4180 reader, so the test checks what a spreadsheet would see rather than string shapes.
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  const field = /("(?:[^"]|"")*"|[^",\r\n]*)(,|\r\n)/gy;
  let row: string[] = [];
  for (let m = field.exec(text); m; m = field.exec(text)) {
    const raw = m[1] ?? "";
    row.push(raw.startsWith('"') ? raw.slice(1, -1).replaceAll('""', '"') : raw);
    if (m[2] === "\r\n") {
      rows.push(row);
      row = [];
    }
  }
  expect(field.lastIndex === 0 && row.length === 0).toBe(true);
  return rows;
}

describe("libraryCsv", () => {
  it("quotes commas, quotes and newlines, and defuses formulas", () => {
    const hostile = saved({
      headline: 'Tom, "Jerry"\r\nand co',
      note: "=cmd|' /C calc'!A0",
      speaker: "@x",
    });
    const csv = libraryCsv([hostile, saved({ speaker: null, publishedAt: null })]);
    const [header, first, second] = parseCsv(csv);
    expect(header?.join(",")).toBe(
      "headline,body,quote,speaker,timestamp_seconds,podcast,episode,published_at,saved_at," +
        "tags,topics,note,listen_url,url",
    );
    const row = Object.fromEntries((header ?? []).map((name, i) => [name, first?.[i]]));
    expect(row).toMatchObject({
      headline: 'Tom, "Jerry"\r\nand co',
      quote: "We ship every day.\nEvery single day.",
      speaker: "'@x",
      timestamp_seconds: "3723.6",
      tags: "to try; AI",
      note: "'=cmd|' /C calc'!A0",
      listen_url: "https://cdn.test/ep12.mp3#t=3723",
    });
    expect(second?.[3]).toBe("");
    expect(second?.[7]).toBe("");
  });
});

describe("libraryJson", () => {
  it("has a stable shape with ISO dates", () => {
    const json = JSON.parse(
      libraryJson([saved({ publishedAt: null })], { exportedAt: new Date(0) }),
    );
    expect(Object.keys(json)).toEqual(["exportedAt", "count", "insights"]);
    expect(json.exportedAt).toBe("1970-01-01T00:00:00.000Z");
    expect(json.count).toBe(1);
    expect(json.insights[0]).toMatchObject({
      headline: "Ship small",
      publishedAt: null,
      savedAt: "2026-11-24T06:00:00.000Z",
      listenUrl: "https://cdn.test/ep12.mp3#t=3723",
      tags: ["to try", "AI"],
    });
  });
});

describe("savedRss", () => {
  const channel = {
    title: "Ada's saves & more",
    link: "https://podbrief.test/library",
    selfUrl: "https://podbrief.test/rss/abc?x=1&y=2",
    description: "Saved insights",
  };
  const older = saved({
    saveId: "old",
    headline: "Older",
    savedAt: new Date("2026-11-01T00:00:00Z"),
  });
  const hostile = saved({
    headline: '<b>Tom & "Jerry"</b>\u0000\u0008\n',
    body: "<script>alert(1)</script>",
    insightUrl: "https://podbrief.test/insights/i2?a=1&b=2",
  });

  it("is well-formed, newest save first, with hostile text kept as text", () => {
    const xml = savedRss([older, hostile], channel);
    expect(XMLValidator.validate(xml)).toBe(true);
    const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === "item" });
    const rss = parser.parse(xml).rss.channel;
    expect(rss.title).toBe("Ada's saves & more");
    expect(rss["atom:link"]).toMatchObject({ "@_href": channel.selfUrl, "@_rel": "self" });
    const [first, second] = rss.item;
    expect(first.title).toBe('<b>Tom & "Jerry"</b>');
    expect(first.guid).toMatchObject({ "#text": hostile.insightUrl, "@_isPermaLink": "true" });
    expect(first.pubDate).toBe("Tue, 24 Nov 2026 06:00:00 GMT");
    expect(first.category).toEqual(["to try", "AI"]);
    expect(first.description).toContain("&lt;script&gt;");
    expect(first.description).not.toContain("<script>");
    expect(first.description).toContain("<p>— Ada Lovelace</p>");
    expect(second.title).toBe("Older");
    // The description is HTML of its own: read back, it holds the texts as text.
    const description = new XMLParser().parse(first.description);
    expect(description).toEqual({
      p: "<script>alert(1)</script>",
      blockquote: { p: ["We ship every day.\nEvery single day.", "— Ada Lovelace"] },
    });
  });

  it("leaves out the quote block without a quote, and the build date without saves", () => {
    const plain = savedRss([saved({ quote: " ", speaker: null, tags: [] })], channel);
    const item = new XMLParser().parse(plain).rss.channel.item;
    expect(item.description).toBe("<p>Small releases fail small.</p>");
    expect(item.category).toBeUndefined();
    const empty = new XMLParser().parse(savedRss([], channel)).rss.channel;
    expect(XMLValidator.validate(savedRss([], channel))).toBe(true);
    expect(empty.item).toBeUndefined();
    expect(empty.lastBuildDate).toBeUndefined();
  });
});
