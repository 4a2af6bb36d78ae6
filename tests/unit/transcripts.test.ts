import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Segment } from "@/db/schema";
import {
  parseTranscript,
  pickBestTranscript,
  type TranscriptFormat,
  TranscriptParseError,
  transcriptFormatOf,
} from "@/lib/ingest/transcripts";

const fixtures = path.resolve("../shared/fixtures/transcripts");
const present = existsSync(fixtures);
if (!present) console.warn(`skipping transcript fixture tests: ${fixtures} is absent`);

const FORMAT_BY_EXTENSION: Record<string, TranscriptFormat> = {
  ".vtt": "vtt",
  ".srt": "srt",
  ".json": "json",
  ".html": "html",
  ".md": "text",
};

type Expectation = { phrases: string[]; speakers: string[] | null; timed: boolean };

// Phrases read in each file; speakers as the file names them (null: the file names nobody).
const EXPECTED: Record<string, Expectation> = {
  "awsbites-102_getting-ampt-with-jeremy-daly.vtt": {
    phrases: [
      "Jeremy is the CEO of Ampt.",
      "who created a massive amount of this content is Jeremy Daly.",
      "fellow AWS Serverless Hero",
      "in the next episodes. Bye. Thank you so much.",
    ],
    speakers: null,
    timed: true,
  },
  "awsbites-130_growing-in-tech-with-farrah-campbell.speaker-segments.json": {
    phrases: ["she is Head of Modern Compute Community", "a very special guest, Farrah Campbell."],
    speakers: ["Eoin", "Farrah", "Luciano"],
    timed: true,
  },
  "buzzsprout-podcasting-qa_10-things-we-wish-we-knew.pc20.html": {
    phrases: [
      "it's almost guaranteed that you're going to make a handful of rookie mistakes",
      "Batch production of your podcast episodes.",
    ],
    speakers: ["Gilon", "Sarah", "Travis"],
    timed: true,
  },
  "buzzsprout-podcasting-qa_10-things-we-wish-we-knew.srt": {
    phrases: [
      "When you first get started in podcasting, it's almost guaranteed",
      "the next best thing to do is to batch your episodes.",
    ],
    speakers: ["Gilon", "Sarah", "Travis"],
    timed: true,
  },
  "buzzsprout-podcasting-qa_podcast-trailer_voice-tags.vtt": {
    phrases: ["Welcome to Podcasting Q&A, where you learn", "do we need a podcast trailer?"],
    speakers: ["Gillian", "Sarah"],
    timed: true,
  },
  "changelog_founders-talk-96_michael-grinich-workos.md": {
    phrases: [
      "So, Michael Grinich... It's been a bit, man.",
      "So we started getting users everywhere from like NASA",
      "pay for it in triplicate, of course... [laughs]",
      "Thank you, Michael.",
    ],
    speakers: ["Adam Stacoviak", "Michael Grinich"],
    timed: true,
  },
  "conduit-41_accountability-doing-it-right.plain-whisper.md": {
    phrases: [
      "From Relay FM, you're listening to Conduit",
      "Scotty Jackson and Rosemary Orchard",
      "Hey, Jay, did we conduit?",
    ],
    speakers: null,
    timed: false,
  },
  "podcast-namespace_spec-example_word-level.pc20.json": {
    phrases: ["I am your father.", "Nooooo"],
    speakers: ["Darth Vader", "Luke"],
    timed: true,
  },
};

/** The file's words, found without the parsers: markup stripped as bluntly as possible. */
function sourceText(name: string, body: string): string {
  const extension = path.extname(name);
  if (extension === ".json") {
    const data = JSON.parse(body) as { segments: { body?: string; text?: string }[] };
    return data.segments.map((s) => s.body ?? s.text ?? "").join(" ");
  }
  let text = body;
  if (extension === ".md") text = text.replace(/^---\n[\s\S]*?\n---\n/, "");
  return text
    .split(/\r?\n/)
    .filter((line) => !line.includes("-->") && !/^\s*\d+\s*$/.test(line) && line !== "WEBVTT")
    .join(" ")
    .replace(/<[^>]*>/g, " ")
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of text.toLowerCase().match(/[a-z]+/g) ?? []) {
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}

/** Share of `from`'s words (with repeats) that also occur in `into`. */
function survival(from: Map<string, number>, into: Map<string, number>): number {
  let total = 0;
  let kept = 0;
  for (const [word, count] of from) {
    total += count;
    kept += Math.min(count, into.get(word) ?? 0);
  }
  return total === 0 ? 0 : kept / total;
}

function speakersOf(segments: readonly Segment[]): string[] {
  return [...new Set(segments.map((s) => s.speaker).filter((s) => s !== null))].sort();
}

/** Speaker turns: the speaker sequence with repeats collapsed. */
function turns(segments: readonly Segment[]): { speaker: string | null; start: number | null }[] {
  return segments.filter((s, i) => i === 0 || segments[i - 1]?.speaker !== s.speaker);
}

describe.runIf(present)("real transcripts", () => {
  const files = present ? readdirSync(fixtures).sort() : [];
  const parsed = new Map<string, Segment[]>();
  const parse = (name: string) => {
    const cached = parsed.get(name);
    if (cached) return cached;
    const format = FORMAT_BY_EXTENSION[path.extname(name)];
    if (!format) throw new Error(`no format for ${name}`);
    const segments = parseTranscript(readFileSync(path.join(fixtures, name), "utf8"), format);
    parsed.set(name, segments);
    return segments;
  };

  it("has an expectation for every fixture file", () => {
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.keys(EXPECTED))("%s parses into clean segments", (name) => {
    const segments = parse(name);
    expect(segments.length).toBeGreaterThanOrEqual(1);
    let previous = Number.NEGATIVE_INFINITY;
    for (const segment of segments) {
      expect(segment.text.trim()).not.toBe("");
      expect(segment.text).not.toMatch(/<|-->|\*\*|\\\[|&#?\w+;/);
      if (segment.start !== null) {
        expect(segment.start).toBeGreaterThanOrEqual(previous);
        previous = segment.start;
      }
      if (segment.start !== null && segment.end !== null) {
        expect(segment.end).toBeGreaterThanOrEqual(segment.start);
      }
    }
    const timed = segments.filter((s) => s.start !== null).length;
    if (EXPECTED[name]?.timed) expect(timed).toBeGreaterThan(0);
    else expect(timed).toBe(0);
  });

  it.each(Object.keys(EXPECTED))("%s keeps the words of the file", (name) => {
    const segments = parse(name);
    const joined = segments.map((s) => s.text).join(" ");
    for (const phrase of EXPECTED[name]?.phrases ?? []) expect(joined).toContain(phrase);
    const source = wordCounts(sourceText(name, readFileSync(path.join(fixtures, name), "utf8")));
    const result = wordCounts(joined);
    expect(survival(source, result)).toBeGreaterThan(0.9);
    // And nothing much besides them (speaker labels and front matter stay out of the text).
    expect(survival(result, source)).toBeGreaterThan(0.98);
  });

  it.each(Object.keys(EXPECTED))("%s names the speakers the file names", (name) => {
    const speakers = speakersOf(parse(name));
    expect(speakers).toEqual(EXPECTED[name]?.speakers ?? []);
  });

  it("takes SRT speakers from turn-opening prefixes and carries them over", () => {
    const segments = parse("buzzsprout-podcasting-qa_10-things-we-wish-we-knew.srt");
    expect(segments).toHaveLength(222);
    expect(segments[0]).toEqual({
      start: 0.179,
      end: 2.399,
      speaker: "Travis",
      text: "When you first get started in podcasting, it's",
    });
    expect(segments[1]?.speaker).toBe("Travis");
    expect(segments.some((s) => /^(Travis|Sarah|Gilon):/.test(s.text))).toBe(false);
  });

  it("agrees between the SRT and the HTML of the same episode on who speaks when", () => {
    const srt = turns(parse("buzzsprout-podcasting-qa_10-things-we-wish-we-knew.srt"));
    const html = turns(parse("buzzsprout-podcasting-qa_10-things-we-wish-we-knew.pc20.html"));
    expect(html.map((t) => t.start)).toEqual([0, 53, 102, 219, 263, 322, 376, 562, 617, 691]);
    expect(srt.map((t) => t.speaker)).toEqual(html.map((t) => t.speaker));
    expect(srt.map((t) => Math.floor(t.start ?? -1))).toEqual(html.map((t) => t.start));
  });

  it("reads Changelog's escaped timestamps, and drops its Break markers", () => {
    const segments = parse("changelog_founders-talk-96_michael-grinich-workos.md");
    // 26 stated times; the turns between them get times estimated from the words said.
    const first = segments.findIndex((s) => s.start !== null);
    expect(segments[first]).toMatchObject({ start: 466, speaker: "Michael Grinich" });
    expect(segments[first]?.text).toMatch(/^So we started getting users/);
    const after = segments.slice(first).map((s) => s.start ?? -1);
    expect(after.every((start, i) => start >= (after[i - 1] ?? 0))).toBe(true);
    expect(segments.slice(0, first).every((s) => s.start === null)).toBe(true);
    const timed = segments.filter((s) => s.start !== null);
    expect(timed.find((s) => s.start === 3604.02)?.text).toMatch(/^But I think if you don't come/);
    expect(segments.some((s) => /^Break\b/.test(s.text))).toBe(false);
  });

  it("leaves the Conduit front matter out and keeps one segment per Whisper line", () => {
    const segments = parse("conduit-41_accountability-doing-it-right.plain-whisper.md");
    const joined = segments.map((s) => s.text).join(" ");
    expect(joined).not.toContain("pub_date");
    expect(joined).not.toContain("January 26th, 2023");
    expect(segments.length).toBeGreaterThan(200);
    expect(segments.every((s) => s.speaker === null && s.end === null)).toBe(true);
  });

  it("merges the spec example's words into sentences per speaker", () => {
    expect(parse("podcast-namespace_spec-example_word-level.pc20.json")).toEqual([
      { start: 0.5, end: 2.5, speaker: "Darth Vader", text: "I am your father." },
      { start: 2.75, end: 3, speaker: "Luke", text: "Nooooo" },
    ]);
  });

  it("maps AWS Bites speaker labels to names and leaves its sentence segments alone", () => {
    const segments = parse(
      "awsbites-130_growing-in-tech-with-farrah-campbell.speaker-segments.json",
    );
    expect(segments).toHaveLength(291);
    expect(segments[0]).toEqual({
      start: 0,
      end: 3.76,
      speaker: "Luciano",
      text: "Hello, everyone, and welcome to another episode of AWS Bites podcast.",
    });
  });
});

describe("parseTranscript: WebVTT", () => {
  it("reads CRLF cues with ids, settings, voice tags, inline tags and entities", () => {
    const body = [
      "\uFEFFWEBVTT - a title",
      "Kind: captions",
      "",
      "NOTE written by hand",
      "over two lines",
      "",
      "STYLE",
      "::cue { color: red }",
      "",
      "REGION",
      "id:fred width:40%",
      "",
      "intro-1",
      "00:00:01.000 --> 00:00:04.500 align:start line:0%",
      "<v.loud Jane Doe>Hello &amp; <i>welcome</i>, it&#39;s",
      "<c.yellow>great</c>&nbsp;to be &lt;here&gt;.</v>",
      "",
      "2",
      "00:04.500 --> 00:06.000",
      "<v Bob>Thanks<00:00:05.000> Jane&#x21;",
      "",
      "00:01:06.000 --> 00:01:08.000",
      "<v Jane Doe>Question?</v> <v Bob>Answer.",
      "",
    ].join("\r\n");
    expect(parseTranscript(body, "vtt")).toEqual([
      {
        start: 1,
        end: 4.5,
        speaker: "Jane Doe",
        text: "Hello & welcome, it's great to be <here>.",
      },
      { start: 4.5, end: 6, speaker: "Bob", text: "Thanks Jane!" },
      { start: 66, end: 68, speaker: "Jane Doe", text: "Question?" },
      { start: 66, end: 68, speaker: "Bob", text: "Answer." },
    ]);
  });

  it("reads old-Mac CR line endings and cues without voices", () => {
    const body =
      "WEBVTT\r\r00:00:00.000 --> 00:00:01.000\rfirst line\rsecond line\r\r00:00:01.000 --> 00:00:02.000\rnext";
    expect(parseTranscript(body, "vtt")).toEqual([
      { start: 0, end: 1, speaker: null, text: "first line second line" },
      { start: 1, end: 2, speaker: null, text: "next" },
    ]);
  });

  it("throws TranscriptParseError when there are no cues", () => {
    expect(() => parseTranscript("WEBVTT\n\nNOTE nothing here\n", "vtt")).toThrow(
      TranscriptParseError,
    );
    expect(() => parseTranscript("WEBVTT\n", "vtt")).toThrow(/as vtt: no cues/);
  });
});

describe("parseTranscript: SubRip", () => {
  it("reads CRLF cues, carries a speaker prefix over, and splits at a mid-cue label", () => {
    const body = [
      "1",
      "00:00:00,500 --> 00:00:02,000",
      "Travis: When you first get",
      "started in <i>podcasting</i>,",
      "",
      "2",
      "00:00:02,000 --> 00:00:03.250",
      "{\\an8}it's almost guaranteed.",
      "Dr. Sarah Lee: Right.",
      "",
      "3",
      "00:00:03,250 --> 00:00:05,000",
      "Note: this is not a speaker.",
      "",
    ].join("\r\n");
    expect(parseTranscript(body, "srt")).toEqual([
      { start: 0.5, end: 2, speaker: "Travis", text: "When you first get started in podcasting," },
      { start: 2, end: 3.25, speaker: "Travis", text: "it's almost guaranteed." },
      { start: 2, end: 3.25, speaker: "Dr. Sarah Lee", text: "Right." },
      { start: 3.25, end: 5, speaker: "Dr. Sarah Lee", text: "Note: this is not a speaker." },
    ]);
  });

  it("keeps text that follows a stray blank line inside a cue, and tolerates missing blank lines", () => {
    const body =
      "1\n00:00:01,000 --> 00:00:02,000\nfirst\n\nstill first\n2\n00:00:02,000 --> 00:00:03,000\nsecond\n";
    expect(parseTranscript(body, "srt").map((s) => s.text)).toEqual([
      "first still first",
      "second",
    ]);
  });

  it("does not take a time or a lower-case phrase for a speaker", () => {
    const body =
      "1\n00:00:01,000 --> 00:00:02,000\n12:30: lunch\n\n2\n00:00:02,000 --> 00:00:03,000\nrule one: never\n";
    expect(parseTranscript(body, "srt").map((s) => s.speaker)).toEqual([null, null]);
  });
});

describe("parseTranscript: JSON", () => {
  const word = (speaker: string, startTime: number, body: string) => ({
    speaker,
    startTime,
    endTime: startTime + 0.2,
    body,
  });

  it("merges word-level segments at sentence ends, pauses, speaker changes and 30 words", () => {
    const words = [
      word("A", 0, "Well"),
      word("A", 0.3, ","),
      word("A", 0.5, "it"),
      word("A", 0.7, "'s"),
      word("A", 0.9, "done."),
      word("A", 1.2, "After"),
      word("A", 3.0, "a pause"),
      word("B", 3.3, "Other"),
      word("B", 3.5, "speaker"),
      ...Array.from({ length: 35 }, (_, i) => word("B", 4 + i * 0.3, `w${i}`)),
    ];
    const segments = parseTranscript(JSON.stringify({ version: "1.0.0", segments: words }), "json");
    expect(segments.slice(0, 4)).toEqual([
      { start: 0, end: 1.1, speaker: "A", text: "Well, it's done." },
      { start: 1.2, end: 1.4, speaker: "A", text: "After" },
      { start: 3, end: 3.2, speaker: "A", text: "a pause" },
      {
        start: 3.3,
        end: 12.3,
        speaker: "B",
        text: `Other speaker ${words
          .slice(9, 37)
          .map((w) => w.body)
          .join(" ")}`,
      },
    ]);
    expect(segments.at(-1)?.text).toBe("w28 w29 w30 w31 w32 w33 w34");
    expect(segments.at(-1)?.end).toBeCloseTo(14.4);
  });

  it("keeps sentence-level segments as they are, with missing speakers and times as null", () => {
    const body = JSON.stringify({
      segments: [
        { startTime: 1, endTime: 2, body: "A whole sentence here." },
        { speaker: "  ", body: "  Another   one.  " },
        { speaker: "X", startTime: 3, endTime: 4, body: "" },
      ],
    });
    expect(parseTranscript(body, "json")).toEqual([
      { start: 1, end: 2, speaker: null, text: "A whole sentence here." },
      { start: null, end: null, speaker: null, text: "Another one." },
    ]);
  });

  it("reads podwhisperer's diarized shape, keeping an unmapped label as written", () => {
    const body = JSON.stringify({
      speakers: { spk_0: "Luciano" },
      segments: [
        { speakerLabel: "spk_0", start: 0, end: 1.5, text: " Hello there." },
        { speakerLabel: "spk_1", start: 1.5, end: 3, text: " Hi." },
      ],
    });
    expect(parseTranscript(body, "json")).toEqual([
      { start: 0, end: 1.5, speaker: "Luciano", text: "Hello there." },
      { start: 1.5, end: 3, speaker: "spk_1", text: "Hi." },
    ]);
  });

  it.each([
    ["JSON that does not parse", "{ not json", /as json: not valid JSON/],
    ["JSON without segments", '{"version":"1.0.0"}', /no "segments" array/],
    ["segments without text", '{"segments":[{"body":""}]}', /no text found/],
  ])("throws TranscriptParseError for %s", (_case, body, message) => {
    let caught: unknown;
    try {
      parseTranscript(body, "json");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TranscriptParseError);
    expect(caught).toMatchObject({ name: "TranscriptParseError", format: "json" });
    expect((caught as Error).message).toMatch(message);
  });

  it("strips a byte-order mark before parsing", () => {
    const body = '\uFEFF{"segments":[{"startTime":0,"endTime":1,"body":"Hi there."}]}';
    expect(parseTranscript(body, "json")).toHaveLength(1);
  });
});

describe("parseTranscript: HTML", () => {
  it("reads cite/time turns, decodes entities and drops every tag", () => {
    const body = [
      "<!DOCTYPE html><html><head><title>Episode</title><style>p{color:red}</style></head><body>",
      "<!-- generated -->",
      "<cite>Travis:</cite>",
      "<time>0:00</time>",
      '<p>It&#39;s <em>really</em> <a href="/x?a=1&amp;b=2" title="a>b">key</a>&nbsp;&mdash; honestly.</p>',
      "<p>Second paragraph<br>same turn.</p>",
      "<cite>Sarah Lee:</cite><time>1:02:03</time><p>Hi &lt;there&gt;</p>",
      "<script>var x = '<p>not text</p>';</script>",
      "<p><strong>Gilon:</strong> A bold label.</p>",
      "<p><b>Plain bold</b> is not a label.</p>",
      "</body></html>",
    ].join("\n");
    expect(parseTranscript(body, "html")).toEqual([
      { start: 0, end: null, speaker: "Travis", text: "It's really key \u2014 honestly." },
      { start: null, end: null, speaker: "Travis", text: "Second paragraph same turn." },
      { start: 3723, end: null, speaker: "Sarah Lee", text: "Hi <there>" },
      { start: null, end: null, speaker: "Gilon", text: "A bold label." },
      { start: null, end: null, speaker: "Gilon", text: "Plain bold is not a label." },
    ]);
  });

  it("copes with unclosed cite and head elements", () => {
    const body = "<html><head><title>Ep<body><cite>Ann:<time>2:05<p>Hi.</p><cite>Bo</cite><p>Yo.";
    expect(parseTranscript(body, "html")).toEqual([
      { start: 125, end: null, speaker: "Ann", text: "Hi." },
      { start: null, end: null, speaker: "Bo", text: "Yo." },
    ]);
  });

  it("decodes every HTML entity as a browser does, case included", () => {
    const body = "<p>&Eacute;cole caf&eacute; &hearts; &#x1F3A7; &amp;lt; &copy 2024</p>";
    expect(parseTranscript(body, "html")).toEqual([
      { start: null, end: null, speaker: null, text: "École café ♥ 🎧 &lt; © 2024" },
    ]);
  });

  it("throws TranscriptParseError for a page without text", () => {
    expect(() => parseTranscript("<html><body><p> </p></body></html>", "html")).toThrow(
      TranscriptParseError,
    );
  });
});

describe("parseTranscript: text and Markdown", () => {
  it("reads Markdown labels, timestamps in several forms, and strips Markdown syntax", () => {
    const body = [
      "---",
      "title: 'Ep 1'",
      "---",
      "# Episode *one*",
      "",
      "**Adam:** \\[00:12:34\\] Hello [there](https://example.com), _friend_ and **you**.",
      "",
      "(12:40) A second paragraph, still Adam's; snake_case stays.",
      "",
      "[00:13:00] **Beth Ng**: Hi `code` and ~~old~~ new \\*literal\\*.",
      "",
      "**Break**: \\[14:00\\]",
      "",
      "**Adam:** Back again.",
    ].join("\n");
    expect(parseTranscript(body, "text")).toEqual([
      { start: null, end: null, speaker: null, text: "Episode one" },
      { start: 754, end: null, speaker: "Adam", text: "Hello there, friend and you." },
      {
        start: 760,
        end: null,
        speaker: "Adam",
        text: "A second paragraph, still Adam's; snake_case stays.",
      },
      { start: 780, end: null, speaker: "Beth Ng", text: "Hi code and old new *literal*." },
      // No time stated after 13:00: heard from there.
      { start: 780, end: null, speaker: "Adam", text: "Back again." },
    ]);
  });

  it("gives a lone label to the paragraph after it", () => {
    const body = "**Adam:** [01:00]\n\nWhat I said.\n\nAnd more.";
    expect(parseTranscript(body, "text")).toEqual([
      { start: 60, end: null, speaker: "Adam", text: "What I said." },
      // A paragraph that goes on with the turn is heard from the turn's start.
      { start: 60, end: null, speaker: "Adam", text: "And more." },
    ]);
  });

  it("reads plain 'Name: text' labels and joins hard-wrapped lines", () => {
    const body =
      "Jane Doe: This line is wrapped\nat a short width.\nJohn: And this is a reply.\r\n\r\nJust text.";
    expect(parseTranscript(body, "text")).toEqual([
      {
        start: null,
        end: null,
        speaker: "Jane Doe",
        text: "This line is wrapped at a short width.",
      },
      { start: null, end: null, speaker: "John", text: "And this is a reply." },
      { start: null, end: null, speaker: "John", text: "Just text." },
    ]);
  });

  it("splits bare text into paragraphs, one per long line", () => {
    const long = "word ".repeat(30).trim();
    const body = `${long}\n${long}.\n\nshort one\nshort two`;
    expect(parseTranscript(body, "text").map((s) => s.text)).toEqual([
      long,
      `${long}.`,
      "short one short two",
    ]);
  });

  it("throws TranscriptParseError for an empty body", () => {
    expect(() => parseTranscript("\uFEFF \n\n ", "text")).toThrow(/as text: no text found/);
  });
});

describe("parseTranscript on hostile input", () => {
  // Transcripts come from strangers' servers. A pattern that rescans to the end of the body for
  // every unclosed `<`, `[` or `**` would take hours here; linear parsing takes milliseconds.
  const many = (unit: string) => unit.repeat(100_000);

  it.each([
    ["html", `<p>${many('<a title="')}</p>`],
    ["html", many("<![CDATA[<!x ")],
    ["html", `<p>${many("x <b>y</b> <cite>z</cite>")}</p>`],
    ["vtt", `WEBVTT\n\n00:00.000 --> 00:01.000\n${many("<v x")}`],
    ["srt", `1\n00:00:00,000 --> 00:00:01,000\n${many("<i {\\an")}`],
    ["text", many("**[x](<http:a _*~~")],
  ] as const)("reads a %s body of unclosed markup in linear time", (format, body) => {
    const started = performance.now();
    expect(() => parseTranscript(body, format)).not.toThrow(RangeError);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe("transcriptFormatOf", () => {
  it.each([
    ["application/json", undefined, "json"],
    ["Application/JSON; charset=utf-8", undefined, "json"],
    ["application/transcript+json", undefined, "json"],
    ["text/vtt", undefined, "vtt"],
    ["TEXT/VTT;charset=UTF-8", undefined, "vtt"],
    ["application/x-subrip", undefined, "srt"],
    ["application/srt", undefined, "srt"],
    ["text/srt", undefined, "srt"],
    ["text/html", undefined, "html"],
    ["text/plain", undefined, "text"],
    ["text/markdown", undefined, "text"],
    ["vtt", undefined, "vtt"],
    ["text", undefined, "text"],
    [null, "https://x.test/ep/transcript.vtt?sig=1#t", "vtt"],
    [undefined, "https://x.test/ep/transcript.SRT", "srt"],
    ["", "https://x.test/t.json", "json"],
    ["application/octet-stream", "https://x.test/t.htm", "html"],
    ["text/plain", "https://x.test/t.srt", "srt"],
    ["text/plain", "https://x.test/t.txt", "text"],
    ["text/vtt", "https://x.test/t.srt", "vtt"],
    ["application/json+chapters", undefined, null],
    ["audio/mpeg", "https://x.test/t.mp3", null],
    [null, "https://x.test/ep/transcript", null],
    [null, undefined, null],
  ])("%j with %j is %j", (mime, url, expected) => {
    expect(transcriptFormatOf(mime, url)).toBe(expected);
  });
});

describe("pickBestTranscript", () => {
  const html = { url: "https://x.test/t", type: "text/html" };
  const srt = { url: "https://x.test/t.srt", type: "application/x-subrip" };
  const vtt = { url: "https://x.test/t.vtt", type: "text/vtt" };
  const json = { url: "https://x.test/t.json", type: "application/json" };
  const text = { url: "https://x.test/t.txt", type: "text/plain" };
  const unknown = { url: "https://x.test/t.pdf", type: "application/pdf" };

  it("prefers JSON, then VTT, SRT, HTML and text", () => {
    expect(pickBestTranscript([text, html, srt, vtt, json])).toBe(json);
    expect(pickBestTranscript([text, html, srt, vtt])).toBe(vtt);
    expect(pickBestTranscript([text, html, srt])).toBe(srt);
    expect(pickBestTranscript([text, html])).toBe(html);
    expect(pickBestTranscript([text])).toBe(text);
  });

  it("never picks an unknown format, and keeps the feed's order among equals", () => {
    expect(pickBestTranscript([unknown])).toBeNull();
    expect(pickBestTranscript([])).toBeNull();
    const second = { url: "https://x.test/second.srt", type: null };
    expect(pickBestTranscript([unknown, srt, second])).toBe(srt);
    expect(pickBestTranscript([{ url: "https://x.test/a.vtt" }, unknown])?.url).toBe(
      "https://x.test/a.vtt",
    );
  });
});
