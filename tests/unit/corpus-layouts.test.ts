import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectTranscriptFormat, parseTranscript } from "@/lib/ingest/transcripts";

// Every layout in the real corpus: read from the content alone (never the file name), each
// segment gets the speaker and time the text states, and no label or timestamp is left in text.
const corpus = path.resolve("../shared/fixtures/corpus");
const present = existsSync(corpus);
if (!present) console.warn(`skipping corpus layout tests: ${corpus} is absent`);
const files = present ? readdirSync(corpus).filter((file) => file !== "SOURCES.md") : [];

// The format hint in a corpus file's name says what the text states (see its SOURCES.md).
const UNLABELLED = /no-voice|plain-whisper|timestamp-unlabeled/;
const UNTIMED = /md-bold-labels|plain-whisper|initials-labels/;

/** What would show a label or timestamp left inside spoken text. */
const LEFTOVER =
  /-->|<\/?v[\s>]|\*\*|\[Speaker \d|\b\d{1,2}:\d{2}:\d{2}\b|[[(]\s*\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?\s*[\])]|^\s*:?\d{1,2}:\d{2}\b/;

describe.runIf(present)("the real corpus, layout by layout", () => {
  it.each(files)("%s", (file) => {
    const body = readFileSync(path.join(corpus, file), "utf8");
    const segments = parseTranscript(body, detectTranscriptFormat(body) ?? "text");
    expect(segments.length).toBeGreaterThan(5);
    const speakers = new Set(segments.flatMap((s) => (s.speaker ? [s.speaker] : [])));
    const share = (n: number) => n / segments.length;
    if (!UNLABELLED.test(file)) {
      // An excerpt may open mid-turn, before any label: count from the first labelled segment.
      const labelledOn = segments.slice(segments.findIndex((s) => s.speaker !== null));
      const labelled = labelledOn.filter((s) => s.speaker).length / labelledOn.length;
      expect(labelled).toBeGreaterThanOrEqual(0.98);
    }
    if (!UNTIMED.test(file)) {
      expect(share(segments.filter((s) => s.start !== null).length)).toBeGreaterThanOrEqual(0.98);
    }
    for (const segment of segments) {
      expect(segment.text, segment.text).not.toMatch(LEFTOVER);
      for (const name of speakers) expect(segment.text.startsWith(`${name}:`)).toBe(false);
      expect(segment.speaker ?? "").not.toMatch(/\d:\d|\*|<|\[/);
    }
  });
});

describe("layouts read from content", () => {
  it("detects JSON, WebVTT, SubRip and HTML whatever the name, and leaves text to text", () => {
    expect(detectTranscriptFormat('\uFEFF{"version":"1.0.0","segments":[]}')).toBe("json");
    expect(detectTranscriptFormat("WEBVTT\n\n00:00.000 --> 00:01.000\nHi")).toBe("vtt");
    expect(
      detectTranscriptFormat(
        "1\n00:00:00,000 --> 00:00:01,000\nHi\n\n2\n00:00:01,000 --> 00:00:02,000\nYo",
      ),
    ).toBe("srt");
    expect(detectTranscriptFormat('<?xml version="1.0"?><html><p>Hi</p></html>')).toBe("html");
    expect(detectTranscriptFormat("<cite>Ann:</cite><time>0:01</time><p>Hi</p><p>Yo</p>")).toBe(
      "html",
    );
    expect(detectTranscriptFormat("[Speaker 1] [00:00] Hello there.")).toBeNull();
    // A timing line with words after it is a garbled label, not a cue (BookBytes #47).
    expect(
      detectTranscriptFormat(
        "00:00:15.1 **Speaker 0** Hi.\n00:01:19,880 --> 00:01:53.1 **Speaker 0** Yes.\n00:02:18,685 --> 00:02:19.6 **Speaker 1** No.",
      ),
    ).toBeNull();
  });

  it("reads `Name (hh:mm:ss):` turns with bare `(hh:mm:ss):` continuations", () => {
    const body = [
      "Lenny Rachitsky (00:00:00):",
      "Today my guest is Claire Hughes Johnson.",
      "",
      "Claire Hughes Johnson (00:01:05):",
      "Thank you, Lenny. Operating principles matter.",
      "",
      "(00:01:40):",
      "Write them down before you need them.",
      "",
      "Speaker 2 (01:02):",
      "A Rev-style label.",
    ].join("\n");
    expect(parseTranscript(body, "text")).toEqual([
      {
        start: 0,
        end: null,
        speaker: "Lenny Rachitsky",
        text: "Today my guest is Claire Hughes Johnson.",
      },
      {
        start: 65,
        end: null,
        speaker: "Claire Hughes Johnson",
        text: "Thank you, Lenny. Operating principles matter.",
      },
      {
        start: 100,
        end: null,
        speaker: "Claire Hughes Johnson",
        text: "Write them down before you need them.",
      },
      { start: 62, end: null, speaker: "Speaker 2", text: "A Rev-style label." },
    ]);
  });

  it("reads Otter headers, bracketed speaker labels, voice tags after times and initials", () => {
    const otter =
      "Kelly  0:00  \nWelcome to the show.\nSecond line.\n\nUnknown Speaker  0:28  \nHi.";
    expect(parseTranscript(otter, "text")).toEqual([
      { start: 0, end: null, speaker: "Kelly", text: "Welcome to the show. Second line." },
      { start: 28, end: null, speaker: "Unknown Speaker", text: "Hi." },
    ]);
    const bracketed = "[Speaker 1] [00:05] Right.\n[Speaker 2] [1:02:03] Left.";
    expect(parseTranscript(bracketed, "text")).toEqual([
      { start: 5, end: null, speaker: "Speaker 1", text: "Right." },
      { start: 3723, end: null, speaker: "Speaker 2", text: "Left." },
    ]);
    const hybrid = "00:00:10 <v Ann Lee>I'm Ann, <v Ann Lee>hello.\n00:00:12 <v Bo>Hi Ann.";
    expect(parseTranscript(hybrid, "text").map((s) => [s.start, s.speaker])).toEqual([
      [10, "Ann Lee"],
      [12, "Bo"],
    ]);
    const initials =
      "---\nspeakers:\n  - Adam Back\n---\nPeter Mc (PM): Hi Adam.\n\nAB: Good!\n\nPM: Great.";
    expect(parseTranscript(initials, "text").map((s) => s.speaker)).toEqual([
      "Peter Mc",
      "Adam Back",
      "Peter Mc",
    ]);
  });

  it("drops stage directions and keeps a note without its time", () => {
    const body =
      "(Intro music: Electro Swing)\n0:00:12.6 **Ann** Hello (Inaudible: 0:01:39.5 word?) there.\n0:00:20.0 **Bo** Yes [unintelligible 00:41:08.16] no.";
    expect(parseTranscript(body, "text")).toEqual([
      { start: 12.6, end: null, speaker: "Ann", text: "Hello (Inaudible: word?) there." },
      { start: 20, end: null, speaker: "Bo", text: "Yes [unintelligible] no." },
    ]);
  });

  it("reads trs2html pages: speaker paragraphs and playAt times, chapter headings left out", () => {
    const html = `<html><body><h2>Intro</h2><div class="turn"><p class="speaker">Tim P</p>
      <p><a href="#" onclick="javascript:playAt('0:0:25');return false" class="play">▶</a> Guten Morgen</p>
      <p><a onclick="playAt('0:1:2')" class="play">▶</a> Und da</p></div></body></html>`;
    expect(parseTranscript(html, "text")).toEqual([
      { start: 25, end: null, speaker: "Tim P", text: "Guten Morgen" },
      { start: 62, end: null, speaker: "Tim P", text: "Und da" },
    ]);
  });
});
