import { describe, expect, it } from "vitest";
import type { Segment } from "@/db/schema";
import { createGrounder, groundQuote } from "@/lib/insights/grounding";

const segments: Segment[] = [
  {
    start: 0,
    end: 10,
    speaker: "Host",
    text: "Welcome to the show. Today we talk about one-on-ones.",
  },
  {
    start: 10,
    end: 31,
    speaker: "Guest",
    text: "Skip the status update. Ask what is blocking them this week.",
  },
];

// Short VTT-style cues: one sentence runs across three of them.
const cues: Segment[] = [
  { start: 60, end: 62, speaker: "Host", text: "So what did you change?" },
  { start: 62, end: 64, speaker: "Guest", text: "I handed the agenda" },
  { start: 64, end: 66, speaker: "Guest", text: "to the report, and my items" },
  { start: 66, end: 69, speaker: null, text: "go at the   bottom. It’s their\ntime first." },
];

const longAnswer =
  "The most common failure is that the one-on-one turns into a status meeting where the manager " +
  "asks what you are working on and the report reads out their ticket list while nobody learns " +
  "anything new at all.";

describe("groundQuote", () => {
  it("finds the segment a quote was taken from, with its time and speaker", () => {
    const grounded = groundQuote("Ask what is blocking them this week.", segments);
    expect(grounded).toEqual({
      level: "exact",
      segment: segments[1],
      segmentIndex: 1,
      text: "Ask what is blocking them this week.",
    });
  });

  it("refuses words nobody said, and an empty quote", () => {
    expect(groundQuote("Ask what is slowing them down.", segments)).toBeNull();
    expect(groundQuote("   ", segments)).toBeNull();
    expect(groundQuote("anything", [])).toBeNull();
  });

  it("matches a quote across cues and dates it from the cue it starts in", () => {
    const grounded = groundQuote("the agenda to the report, and my items go at the", cues);
    expect(grounded).toMatchObject({ level: "exact", segmentIndex: 1, segment: { start: 62 } });
    expect(grounded?.segment.speaker).toBe("Guest");
  });

  it("matches after normalizing case, curly quotes, punctuation and whitespace", () => {
    const grounded = groundQuote("“My items go at the bottom — it's their time first”", cues);
    expect(grounded).toMatchObject({
      level: "normalized",
      segmentIndex: 2,
      segment: { start: 64 },
    });
    // The transcript's own words are what callers store, not the quote as it was given.
    expect(grounded?.text).toBe("my items go at the bottom. It’s their time first");

    const spoken = groundQuote("today we talk about ONE ON ONES", segments);
    expect(spoken).toMatchObject({ level: "normalized", segmentIndex: 0 });
    expect(spoken?.text).toBe("Today we talk about one-on-ones");
  });

  it("does not ground a fragment of a word outside an exact match", () => {
    expect(groundQuote("ask what is bloc", segments)).toBeNull();
  });

  it("accepts a long quote with one word changed as fuzzy, and keeps the transcript's words", () => {
    const transcript: Segment[] = [
      { start: 0, end: 5, speaker: "Host", text: "What goes wrong in one-on-ones?" },
      { start: 5, end: 40, speaker: "Guest", text: longAnswer },
    ];
    const changed = longAnswer.replace("ticket list", "task list");
    expect(changed.split(" ")).toHaveLength(longAnswer.split(" ").length);

    const grounded = groundQuote(changed, transcript);
    expect(grounded).toMatchObject({ level: "fuzzy", segmentIndex: 1, segment: { start: 5 } });
    expect(grounded?.text).toContain("reads out their ticket list");
  });

  it("refuses a sentence on the same topic that nobody said, and a paraphrase", () => {
    const transcript: Segment[] = [{ start: 0, end: 40, speaker: "Guest", text: longAnswer }];
    const unsaid =
      "The most common failure is that the manager cancels the one-on-one whenever a deadline " +
      "gets close, so the report learns that the meeting only matters when nothing else does.";
    const paraphrase =
      "One-on-ones usually fail because they become status meetings: the manager asks for " +
      "progress, the report recites tickets, and nobody learns anything that is new.";
    expect(groundQuote(unsaid, transcript)).toBeNull();
    expect(groundQuote(paraphrase, transcript)).toBeNull();
  });

  it("grounds many quotes against one prepared transcript", () => {
    const ground = createGrounder(cues);
    expect(ground("So what did you change?")?.segmentIndex).toBe(0);
    expect(ground("time first")?.segment.speaker).toBeNull();
    expect(ground("nobody said this")).toBeNull();
  });
});

describe("groundQuote on a long transcript", () => {
  const transcript = syntheticTranscript(30_000);
  const words = transcript.flatMap((s) => s.text.split(" "));
  const quoteAt = 21_000;
  const said = words.slice(quoteAt, quoteAt + 40);
  const misquoted = [...said.slice(0, 20), "zzyzx", ...said.slice(21)].join(" ");

  it("finds a 40-word misquote in 30,000 words well under 50 ms", () => {
    const grounded = groundQuote(misquoted, transcript);
    expect(grounded?.level).toBe("fuzzy");
    expect(grounded?.text).toBe(said.join(" "));
    expect(bestOf(3, () => groundQuote(misquoted, transcript))).toBeLessThan(50);
  });

  it("rejects an unsaid 40-word quote just as fast", () => {
    const unsaid = words.slice(500, 540).reverse().join(" ");
    expect(groundQuote(unsaid, transcript)).toBeNull();
    expect(bestOf(3, () => groundQuote(unsaid, transcript))).toBeLessThan(50);
  });
});

function bestOf(runs: number, work: () => unknown): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

/** Speech-like text: frequent function words mixed with a large seeded vocabulary. */
function syntheticTranscript(wordCount: number): Segment[] {
  let seed = 42;
  const random = () => {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    return seed / 2 ** 32;
  };
  const common = "the a and to of that I you it is in we so but was they what like this".split(" ");
  const syllables = "ka ro mi te lu sa no vi de pa gu fe zo ri ma".split(" ");
  const rare = Array.from({ length: 4000 }, () =>
    Array.from({ length: 2 + Math.floor(random() * 3) }, () => {
      return syllables[Math.floor(random() * syllables.length)];
    }).join(""),
  );
  const pick = (list: string[]) => list[Math.floor(random() * list.length)] ?? "";
  const segments: Segment[] = [];
  let written = 0;
  while (written < wordCount) {
    const size = Math.min(8 + Math.floor(random() * 8), wordCount - written);
    const text = Array.from({ length: size }, () => pick(random() < 0.45 ? common : rare));
    segments.push({
      start: written / 3,
      end: (written + size) / 3,
      speaker: "Guest",
      text: text.join(" "),
    });
    written += size;
  }
  return segments;
}

describe("groundQuote refuses near-matches that change the claim", () => {
  const said = [
    {
      start: 0,
      end: 9,
      speaker: "Ana",
      text: "You should never raise your prices for existing customers in the first year of the contract, because trust matters more.",
    },
    {
      start: 9,
      end: 20,
      speaker: "Ben",
      text: "We raise prices every single year. That is nonsense, honestly, for a business like ours.",
    },
  ];

  it("a flipped negation is not a fuzzy match", () => {
    const flipped =
      "You should always raise your prices for existing customers in the first year of the contract, because trust matters more.";
    expect(groundQuote(flipped, said)).toBeNull();
  });

  it("a changed figure is not a fuzzy match", () => {
    const segments = [
      {
        start: 0,
        end: 9,
        speaker: "Ana",
        text: "We cut onboarding from ten days to two days by writing one checklist and pairing every new hire with a buddy for a week.",
      },
    ];
    expect(
      groundQuote(
        "We cut onboarding from ten days to 2 days by writing one checklist and pairing every new hire with a buddy for a week.",
        segments,
      ),
    ).toBeNull();
  });

  it("a harmless one-word slip still is", () => {
    const slip =
      "You should never raise the prices for existing customers in the first year of the contract, because trust matters more.";
    expect(groundQuote(slip, said)?.level).toBe("fuzzy");
  });

  it("a quote that runs into the next speaker's words is refused", () => {
    expect(
      groundQuote("because trust matters more. We raise prices every single year.", said),
    ).toBeNull();
  });
});
