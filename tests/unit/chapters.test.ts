import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ChaptersParseError, parseChaptersJson, parseNormalPlayTime } from "@/lib/ingest/chapters";

const fixtures = path.resolve("../shared/fixtures/chapters");
const present = existsSync(fixtures);
if (!present) console.warn(`skipping chapters fixture tests: ${fixtures} is absent`);

describe.runIf(present)("real chapters files", () => {
  const files = present ? readdirSync(fixtures).filter((f) => f.endsWith(".json")) : [];
  const read = (name: string) => parseChaptersJson(readFileSync(path.join(fixtures, name), "utf8"));

  it("finds the three files", () => {
    expect(files).toHaveLength(3);
  });

  it.each(files)("%s parses into titled chapters with sorted starts", (name) => {
    const chapters = read(name);
    expect(chapters.length).toBeGreaterThan(5);
    for (const [index, chapter] of chapters.entries()) {
      expect(chapter.title.trim()).not.toBe("");
      expect(chapter.start).toBeGreaterThanOrEqual(
        index === 0 ? 0 : (chapters[index - 1]?.start ?? 0),
      );
      for (const link of [chapter.url, chapter.image]) {
        if (link !== undefined) expect(link).toMatch(/^https?:\/\//);
      }
    }
  });

  it("keeps every OutRun chapter, toc:false ones included, with fractional starts and links", () => {
    const chapters = read("cdspill_outrun_57-chapters_toc-false_urls.chapters.json");
    expect(chapters).toHaveLength(57);
    expect(chapters[1]).toEqual({ start: 41.97, title: "Velkommen til cd SPILL" });
    expect(chapters.map((c) => c.title)).toContain("Kjøreopplevelsen");
    expect(chapters.filter((c) => c.url)).toHaveLength(6);
    expect(chapters.filter((c) => c.image)).toHaveLength(2);
    expect(chapters.find((c) => c.title === "Vineyard")?.start).toBe(2024.502);
  });

  it("reads all 106 chapters of the 1995 episode", () => {
    const chapters = read("cdspill_1995_106-chapters.chapters.json");
    expect(chapters).toHaveLength(106);
    expect(chapters.at(-1)?.start).toBe(9024.773);
  });

  it("drops the spec example's untitled location chapter and ignores its other fields", () => {
    const chapters = read("podcast-namespace_spec-exampleComplex_location-value-toc.chapters.json");
    expect(chapters).toHaveLength(10);
    expect(chapters.some((c) => c.start === 4826)).toBe(false);
    const song = chapters.find((c) => c.title === "Played song by artist");
    expect(song?.url).toBe(
      "https://www.discogs.com/master/96559-Rick-Astley-Never-Gonna-Give-You-Up",
    );
    expect(song?.image).toMatch(/^https:\/\/i\.discogs\.com\//);
    expect(Object.keys(song ?? {}).sort()).toEqual(["image", "start", "title", "url"]);
  });
});

describe("parseChaptersJson", () => {
  it("sorts by start, keeping the file's order among equal starts", () => {
    const body = JSON.stringify({
      version: "1.2.0",
      chapters: [
        { startTime: 60, title: "Second" },
        { startTime: 0, title: "First" },
        { startTime: 60, title: "Also second" },
      ],
    });
    expect(parseChaptersJson(body).map((c) => c.title)).toEqual(["First", "Second", "Also second"]);
  });

  it("keeps only chapters with a title and a usable start, and only web links", () => {
    const body = `\uFEFF${JSON.stringify({
      chapters: [
        {
          startTime: 5,
          title: "  Trimmed  ",
          url: "javascript:alert(1)",
          img: "https://x.test/a.png",
        },
        { startTime: "1:30", title: "String start" },
        { startTime: -1, title: "Negative" },
        { startTime: "soon", title: "Not a time" },
        { title: "No start" },
        { startTime: 10, title: "   " },
        { startTime: 20 },
        "not an object",
      ],
    })}`;
    expect(parseChaptersJson(body)).toEqual([
      { start: 5, title: "Trimmed", image: "https://x.test/a.png" },
      { start: 90, title: "String start" },
    ]);
  });

  it("accepts a bare array of chapters", () => {
    expect(parseChaptersJson('[{"startTime":1,"title":"A"}]')).toEqual([{ start: 1, title: "A" }]);
  });

  it.each([
    ["not JSON", "<chapters/>", /not JSON/],
    ["no chapters array", '{"version":"1.2.0"}', /no `chapters` array/],
  ])("refuses a file with %s", (_case, body, message) => {
    expect(() => parseChaptersJson(body)).toThrow(ChaptersParseError);
    expect(() => parseChaptersJson(body)).toThrow(message);
  });
});

describe("parseNormalPlayTime", () => {
  it.each([
    ["00:01:23.456", 83.456],
    ["01:02:03", 3723],
    ["1:02:03.5", 3723.5],
    ["12:34", 754],
    ["75:30", 4530],
    ["0:05", 5],
    ["83", 83],
    ["83.25", 83.25],
    [" 00:00:41.970 ", 41.97],
    ["10:00:00.000", 36000],
  ])("%s is %s seconds", (value, seconds) => {
    expect(parseNormalPlayTime(value)).toBe(seconds);
  });

  it.each(["", "abc", "1:60", "1:60:00", "00:00:60.5", "-5", "1::2", "12:34:56:78", "now", "1:2a"])(
    "%j is not a time",
    (value) => {
      expect(parseNormalPlayTime(value)).toBeNull();
    },
  );
});
