import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Segment } from "@/db/schema";
import { parseTranscript, transcriptFormatOf } from "@/lib/ingest/transcripts";
import { type ExtractedInsight, extractInsights } from "@/lib/insights/extractive";
import { headlineFor } from "@/lib/insights/extractive/headline";
import { splitTranscript } from "@/lib/insights/extractive/sentences";
import { contextDependence, standsAlone } from "@/lib/insights/extractive/standalone";
import { demoCatalog } from "@/tests/fixtures/invented-shows";

const fixtures = path.resolve("../shared/fixtures/transcripts");
const present = existsSync(fixtures);
if (!present) console.warn(`skipping extractive fixture tests: ${fixtures} is absent`);

const normalize = (text: string) => text.replace(/\s+/g, " ").trim();
const joinedText = (segments: readonly Segment[]) =>
  normalize(segments.map((segment) => segment.text).join(" "));
const wordsIn = (segments: readonly Segment[]) =>
  segments.reduce((sum, segment) => sum + normalize(segment.text).split(" ").length, 0);

// Deliberately simpler than the splitter under test: a terminal mark, a space, then a capital,
// except after a title or an initial.
function countSentences(text: string): number {
  const pieces = normalize(text).split(/(?<=[.!?…]["'”’)]*)\s+(?=["'“‘(]?[A-Z0-9])/);
  return pieces.filter((piece) => !/(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|vs)|\b[A-Z])\.$/.test(piece))
    .length;
}

/** Text of the uninterrupted turn around segment `at`: consecutive segments of one speaker. */
function turnAround(segments: readonly Segment[], at: number): { text: string; from: number } {
  const speaker = segments[at]?.speaker ?? null;
  let first = at;
  while (first > 0 && segments[first - 1]?.speaker === speaker) first--;
  let last = at;
  while (last < segments.length - 1 && segments[last + 1]?.speaker === speaker) last++;
  const text = (from: number) =>
    normalize(
      segments
        .slice(from, last + 1)
        .map((segment) => segment.text)
        .join(" "),
    );
  return { text: text(first), from: text(first).length - text(at).length };
}

const wordsOf = (text: string) => text.toLowerCase().match(/[a-z0-9']+/g) ?? [];

/** Whether every word of `part`, in order, is among the words of `whole`. */
function isSubsequence(part: string, whole: string): boolean {
  const words = wordsOf(whole);
  let at = 0;
  for (const word of wordsOf(part)) {
    while (at < words.length && words[at] !== word) at++;
    if (at === words.length) return false;
    at++;
  }
  return true;
}

/** The properties every insight has, whatever the transcript. */
function expectWellFormed(insight: ExtractedInsight, segments: readonly Segment[]) {
  const all = joinedText(segments);
  expect(all).toContain(insight.quote);
  expect(insight.quote.length).toBeLessThanOrEqual(300);

  // The quote starts inside its start segment and stays within that speaker's turn.
  const start = normalize(segments[insight.startSegment]?.text ?? "");
  const turn = turnAround(segments, insight.startSegment);
  const at = turn.text.indexOf(insight.quote, turn.from);
  expect(at).toBeGreaterThanOrEqual(turn.from);
  expect(at).toBeLessThan(turn.from + start.length);
  expect(start).toContain(insight.quote.split(" ")[0]);

  // The body is what the same speaker said right after the claim, cleaned of "um" and false
  // starts: never the claim again.
  const after = turn.text.slice(at + insight.quote.length);
  expect(isSubsequence(insight.body, after), insight.body).toBe(true);
  expect(insight.body).not.toContain(insight.quote);
  expect(insight.body.trim()).not.toBe("");
  expect(countSentences(insight.body)).toBeLessThanOrEqual(3);

  expect(insight.headline.length).toBeGreaterThan(0);
  expect(insight.headline.length).toBeLessThanOrEqual(90);
  expect(insight.headline).not.toMatch(/[.,;:!?]$/);
  expect(insight.headline.charAt(0)).toBe(insight.headline.charAt(0).toUpperCase());
  expect(insight.headline).not.toMatch(/\b(?:host|hosts) and (?:guest|guests) discuss/i);
}

describe.runIf(present)("extractInsights on real transcripts", () => {
  const files = present ? readdirSync(fixtures).sort() : [];
  const read = (name: string) => {
    const format = transcriptFormatOf(null, name);
    if (!format) throw new Error(`no format for ${name}`);
    return parseTranscript(readFileSync(path.join(fixtures, name), "utf8"), format);
  };

  it("finds fixture transcripts to read", () => {
    expect(files.filter((name) => transcriptFormatOf(null, name)).length).toBeGreaterThan(3);
  });

  for (const name of files) {
    if (!transcriptFormatOf(null, name)) continue;

    it(`${name}: grounded, well-formed, deterministic insights`, () => {
      const segments = read(name);
      const insights = extractInsights(segments);

      // Fewer rather than filler: a long episode still has a few moments worth a card.
      const long = segments.length >= 40 || wordsIn(segments) >= 1500;
      if (long) expect(insights.length).toBeGreaterThanOrEqual(2);
      expect(insights.length).toBeLessThanOrEqual(8);

      for (const insight of insights) expectWellFormed(insight, segments);

      const quotes = insights.map((insight) => insight.quote);
      expect(new Set(quotes).size).toBe(quotes.length);
      const starts = insights.map((insight) => insight.startSegment);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));

      const ends = segments.map((segment) => segment.end ?? segment.start ?? -1);
      const episodeEnd = Math.max(...ends);
      for (const insight of insights) {
        const start = segments[insight.startSegment]?.start;
        if (start === null || start === undefined) continue;
        expect(start).toBeGreaterThanOrEqual(0);
        expect(start).toBeLessThanOrEqual(episodeEnd);
      }

      expect(extractInsights(read(name))).toEqual(insights);
    });
  }

  it("reads a 1400-cue transcript in well under a second", () => {
    const name = files.find((file) => file.endsWith(".vtt") && read(file).length > 1000);
    if (!name) throw new Error("expected a long VTT fixture");
    const segments = read(name);
    const started = performance.now();
    extractInsights(segments);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe("extractInsights on the demo catalog", () => {
  const episodes = demoCatalog.flatMap((show) => show.episodes);

  it("has demo episodes to read", () => {
    expect(episodes.length).toBeGreaterThan(0);
  });

  for (const episode of episodes) {
    // Short, invented episodes of a dozen minutes: at least one card each, never filler.
    it(`${episode.guid}: 1–8 grounded insights`, () => {
      const insights = extractInsights(episode.segments);
      expect(insights.length).toBeGreaterThanOrEqual(1);
      expect(insights.length).toBeLessThanOrEqual(8);
      for (const insight of insights) expectWellFormed(insight, episode.segments);
    });
  }

  // What a newcomer reads first: each headline must make sense without the episode.
  it("gives headlines that stand on their own", () => {
    const referential =
      /^(?:that|this|it|they|them|those|these|so|and|but|which|then|let's say|for instance|imagine)\b/i;
    for (const episode of episodes) {
      for (const { headline } of extractInsights(episode.segments)) {
        expect(headline, episode.guid).not.toMatch(referential);
        expect(headline, episode.guid).not.toMatch(/\?$/);
        expect(headline, episode.guid).not.toMatch(/\b(?:that|this),/i);
        expect(standsAlone(headline), `${episode.guid}: ${headline}`).toBe(true);
      }
    }
  });

  it("keeps the leaning sentence out of compound-hours-ep-2", () => {
    const episode = episodes.find((candidate) => candidate.guid === "compound-hours-ep-2");
    const headlines = extractInsights(episode?.segments ?? []).map((insight) => insight.headline);
    expect(headlines.length).toBeGreaterThanOrEqual(2);
    expect(headlines.join("\n")).not.toMatch(/expects that|yes, every|^Sign-on bonus,/im);
  });

  it("respects max and min", () => {
    const segments = episodes[0]?.segments ?? [];
    expect(extractInsights(segments, { max: 2 }).length).toBeLessThanOrEqual(2);
    // Below the floor only when asked for a minimum.
    const floored = extractInsights(segments).length;
    expect(extractInsights(segments, { min: floored + 1, max: 8 }).length).toBeGreaterThan(floored);
    expect(extractInsights(segments, { max: 0 })).toEqual([]);
  });

  it("is fast on a 1400-cue transcript built from the demo", () => {
    // Each demo sentence becomes a cue, as captions would cut it; repeated until 1400 cues.
    const cues: Segment[] = [];
    const sentences = episodes.flatMap((episode) =>
      episode.segments.flatMap((segment) =>
        segment.text.split(/(?<=[.?!])\s+/).map((text) => ({ speaker: segment.speaker, text })),
      ),
    );
    for (let i = 0; cues.length < 1400; i++) {
      const sentence = sentences[i % sentences.length];
      if (!sentence) break;
      cues.push({ start: i * 3, end: i * 3 + 3, speaker: sentence.speaker, text: sentence.text });
    }
    const started = performance.now();
    const insights = extractInsights(cues);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(insights.length).toBeGreaterThanOrEqual(3);
  });
});

const cue = (speaker: string | null, text: string, at = 0): Segment => ({
  start: at,
  end: at + 4,
  speaker,
  text,
});

describe("extractInsights on hand-made transcripts", () => {
  it("returns nothing for an empty transcript", () => {
    expect(extractInsights([])).toEqual([]);
    expect(extractInsights([cue("A", "   ")])).toEqual([]);
  });

  it("never quotes greetings, sponsor reads or sign-offs", () => {
    const segments = [
      cue(
        "Host",
        "Hey everyone, welcome to the show. Thanks for having me, says our guest every week.",
      ),
      cue(
        "Host",
        "This episode is brought to you by Ledgerly, the accounting app for tiny teams. Ledgerly closes your books in a day. Use promo code BRIEF for thirty percent off at ledgerly dot com.",
      ),
      cue(
        "Guest",
        "The most common mistake is starting a podcast without a publishing schedule. You should record three episodes before you launch, so the first month never slips. Listeners forgive rough audio, but they stop coming back when episodes arrive at random.",
      ),
      cue(
        "Guest",
        "Batch your editing into one afternoon a week instead of editing each episode the day it airs. It takes half the time, because you stay in the same tools and the same frame of mind.",
      ),
      cue(
        "Guest",
        "Ask every guest to share the episode with a ready-made clip, not just a link. A thirty-second clip gets shared four times as often as a plain link in our numbers.",
      ),
      cue(
        "Host",
        "That's all for today. Please subscribe, and rate and review wherever you get your podcasts. See you next week!",
      ),
    ];
    const insights = extractInsights(segments);
    expect(insights.length).toBeGreaterThanOrEqual(2);
    for (const insight of insights) {
      expectWellFormed(insight, segments);
      expect(insight.quote).not.toMatch(
        /welcome|having me|brought to you|Ledgerly|promo code|subscribe|next week/i,
      );
      expect(insight.body).not.toMatch(/brought to you|Ledgerly|promo code|subscribe/i);
    }
  });

  it("quotes a sentence split across two cues whole, from the first cue", () => {
    const segments = [
      cue(null, "Most teams lose their decisions because nobody writes them down.", 0),
      cue(null, "The trick is to write the decision and its reason", 4),
      cue(null, "into the meeting notes before anyone leaves the room.", 8),
      cue(
        null,
        "Six months later the reason is one search away, and nobody has to argue again.",
        12,
      ),
      cue(null, "We started doing this two years ago and it changed how our reviews work.", 16),
    ];
    // Hand-made and short: ask for picks below the floor, to see how sentences are rebuilt.
    const insights = extractInsights(segments, { min: 2 });
    const split = insights.find((insight) => insight.quote.startsWith("The trick is"));
    expect(split?.quote).toBe(
      "The trick is to write the decision and its reason into the meeting notes before anyone leaves the room.",
    );
    expect(split?.startSegment).toBe(1);
    expect(split?.headline).toBe(
      "Write the decision and its reason into the meeting notes before anyone leaves the room",
    );
  });

  it("never joins two speakers into one sentence", () => {
    const segments = [
      cue(
        "Ana",
        "If you want calmer launches, the thing I would change first is that you should",
        0,
      ),
      cue("Ben", "cancel every recurring meeting that has had no agenda for a month or more.", 4),
      cue(
        "Ben",
        "Recurring meetings outlive their purpose, and nobody feels allowed to end them.",
        8,
      ),
      cue(
        "Ben",
        "We review the whole calendar every quarter and delete a third of it each time.",
        12,
      ),
      cue("Ana", "A third is a lot, and I suspect most teams could cut even more than that.", 16),
      cue(
        "Ana",
        "Everyone I know says their calendar is the single biggest drain on focus time.",
        20,
      ),
    ];
    const splitsSentence = splitTranscript(segments).sentences.some((sentence) =>
      sentence.text.includes("should cancel"),
    );
    expect(splitsSentence).toBe(false);
    const insights = extractInsights(segments, { min: 2 });
    expect(insights.length).toBeGreaterThan(0);
    for (const insight of insights) {
      expect(insight.quote).not.toContain("should cancel");
      expectWellFormed(insight, segments);
    }
  });

  it("returns at most three from a five-cue trailer", () => {
    const trailer = [
      cue("Sarah", "In this show you'll learn how to launch, grow and", 0),
      cue("Sarah", "monetize your podcast, one question at a time.", 3),
      cue("Sarah", "Every week we answer a listener question in five minutes or less.", 6),
      cue("Gillian", "Hi, I'm Gillian. My question is, do we need a trailer?", 9),
      cue("Sarah", "Subscribe now so you don't miss an episode.", 12),
    ];
    const insights = extractInsights(trailer);
    expect(insights.length).toBeLessThanOrEqual(3);
    for (const insight of insights) expectWellFormed(insight, trailer);
  });

  it("keeps the quote verbatim while the headline drops fillers", () => {
    // The other sentences are too short to quote, so the disfluent one is the only candidate.
    const segments = [
      cue("Guest", "Um, you should, uh, always write the decision down with its reason.", 0),
      cue("Guest", "Nobody remembers it later.", 4),
      cue("Guest", "Trust me on this one.", 8),
    ];
    const insights = extractInsights(segments, { min: 1 });
    expect(insights).toHaveLength(1);
    expect(insights[0]?.quote).toBe(
      "Um, you should, uh, always write the decision down with its reason.",
    );
    expect(insights[0]?.headline).toBe("Always write the decision down with its reason");
    // The body is what follows the claim, not the claim again.
    expect(insights[0]?.body).toBe("Nobody remembers it later. Trust me on this one.");
  });
});

describe("self-contained key sentences", () => {
  it("never opens a card with the sentence that points back at the advice", () => {
    const segments = [
      cue("Host", "What should people do when a job offer finally arrives?", 0),
      cue("Guest", "Most people accept on the spot because they fear the offer will vanish.", 4),
      cue(
        "Guest",
        "Candidates should ask for a few days to think rather than answer on the spot.",
        8,
      ),
      cue(
        "Guest",
        "Almost every company expects that, and I've never once seen an offer withdrawn because someone asked for forty-eight hours.",
        12,
      ),
      cue("Guest", "Recruiters plan for it when they write the offer timeline.", 16),
    ];
    const insights = extractInsights(segments, { min: 2 });
    expect(insights.length).toBeGreaterThan(0);
    for (const insight of insights) {
      // The sentence that points back ("expects that") never opens a card.
      expect(insight.quote).not.toMatch(/^Almost every company expects that/);
      expectWellFormed(insight, segments);
    }
  });

  it.each([
    "Almost every company expects that, and I've never once seen an offer withdrawn",
    "Work with them to get to that point",
    "What is the end result look like for them",
    "Let's say for instance, you have a guest you're bringing onto your show",
    "The next person can apply that to a totally different choice",
    "Then ask for a few days",
    "If you have to be thinking about more than four things",
    "Until about 25 people, yes, every two weeks",
    "A written weekly update, every Friday, from me to the whole company",
    "One Friday I went through and there were twenty-three threads",
  ])("counts %j as leaning on context", (headline) => {
    expect(contextDependence(headline)).toBeGreaterThanOrEqual(0.3);
  });

  it.each([
    "Ask for a few days before you accept any job offer",
    "Keep a visible list of what your team is not doing this quarter",
    "Time-box review to three working days",
    "For most people, no caffeine within 8 to 10 hours of bedtime",
    "Two hundred well-chosen examples will catch most of your big regressions",
    "If the answer is less two months in a row, raise it directly",
  ])("counts %j as standing alone", (headline) => {
    expect(standsAlone(headline)).toBe(true);
  });
});

describe("headlineFor", () => {
  it.each([
    ["So, I think you should write it down.", "Write it down"],
    [
      "And you know, the key is to ask what is blocking them, not for a status update.",
      "Ask what is blocking them, not for a status update",
    ],
    [
      "I ask every manager to keep a visible list of what their team is not doing this quarter.",
      "Keep a visible list of what your team is not doing this quarter",
    ],
    // A regretted habit is not turned into advice.
    [
      "I promoted our strongest engineer, which is the classic mistake.",
      "I promoted our strongest engineer, which is the classic mistake",
    ],
    // A complaint about where the time goes is not advice to spend it so.
    [
      "We spend so much time helping people install PyTorch.",
      "We spend so much time helping people install PyTorch",
    ],
  ])("%s → %s", (sentence, headline) => {
    expect(headlineFor(sentence)).toBe(headline);
  });

  it("cuts a long sentence at a clause, not mid-word, within 90 characters", () => {
    const headline = headlineFor(
      "If you cancel one-on-ones during a crunch, your team learns that they matter only when nothing else does.",
    );
    expect(headline).toBe("Your team learns they matter only when nothing else does");
  });

  it("keeps a demonstrative that stands for what came before", () => {
    const headline = headlineFor(
      "After that it was impossible to keep a standing meeting with every single engineer on the team, so I moved to direct reports weekly.",
    );
    expect(headline).not.toMatch(/^After it\b/);
  });
});

describe("sentence splitting", () => {
  it("keeps abbreviations, decimals and initials inside a sentence", () => {
    const { sentences } = splitTranscript([
      cue(null, "Mr. Smith paid $3.5 million in the U.S. last year... Really? Yes!"),
      cue(null, 'He said "go." Then e.g. apples at 3 p.m. Then J. R. R. Tolkien wrote.'),
    ]);
    expect(sentences.map((sentence) => sentence.text)).toEqual([
      "Mr. Smith paid $3.5 million in the U.S. last year...",
      "Really?",
      "Yes!",
      'He said "go."',
      "Then e.g. apples at 3 p.m.",
      "Then J. R. R. Tolkien wrote.",
    ]);
    expect(sentences.map((sentence) => sentence.startSegment)).toEqual([0, 0, 0, 1, 1, 1]);
  });
});
