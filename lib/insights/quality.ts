// How specific and actionable an insight reads, from its text alone. The brief uses it to skip
// a quiet day rather than mail "the host and guest discussed leadership"; each signal has an
// id and a description so the brief can say why an insight made or missed the bar.

export type QualityInput = { headline: string; body: string; quote: string };

/** Below this, an insight is not worth a reader's morning: the brief prefers to stay quiet. */
export const QUALITY_BAR = 0.45;

/** Where every insight starts before its signals; a plain, unremarkable insight lands near the bar. */
const BASE_SCORE = 0.35;

type Parts = QualityInput & { all: string };

export type QualitySignal = {
  id: string;
  description: string;
  /** The most this signal adds (positive) or removes (negative). */
  weight: number;
  /** How strongly the signal fires, from 0 (not at all) to 1 (fully). */
  strength: (parts: Parts) => number;
};

const NUMBER_WORDS =
  "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|million|billion|half|third|quarter|dozen";
const NUMBER = new RegExp(`\\d|\\b(?:${NUMBER_WORDS})\\b`, "gi");
const QUANTITY = new RegExp(
  [
    "\\d\\s*%",
    "\\bper\\s?cent\\b",
    "[$€£]\\s*\\d",
    "\\b(?:dollars?|euros?|pounds?|usd)\\b",
    `(?:\\d+|\\b(?:${NUMBER_WORDS}|a|an|few))[\\s-]+(?:seconds?|minutes?|hours?|days?|weeks?|months?|quarters?|years?)\\b`,
    "\\b\\d{1,2}(?::\\d\\d)?\\s*[ap]\\.?m\\b",
  ].join("|"),
  "gi",
);

// Verbs that open advice: "Ask ...", "Keep ...", "Stop ...". A headline that starts with one
// tells the reader what to do, which is what the product promises.
const IMPERATIVES = new Set(
  (
    "add aim allow ask avoid beat begin block bring build buy call cap cancel change check choose " +
    "count counter cut default delegate do document drop end expect favor favour find fix focus " +
    "give grant hand hire invest keep kill label lead let limit link list log look make measure " +
    "move name negotiate offer overweight pair pay pick plan price promote protect put raise read " +
    "record reduce remove replace review run save say schedule send set share ship shorten skip " +
    "sleep split start stop structure take talk teach tell test think time track treat trust try " +
    "turn use value wait walk watch write"
  ).split(" "),
);

const CONTRAST =
  /\b(?:instead of|rather than|not just|never|always|beats?|only if|only when|unless)\b|,\s*not\b/gi;
const RULE =
  /\b(?:rule of thumb|the key is|the trick is|a rule|aim for|at least|at most|no more than|within|under about|before)\b/gi;

// Phrases that describe a conversation instead of saying what was learned in it.
const GENERIC =
  /\b(?:discuss(?:es|ed|ing)?|talk(?:s|ed)? about|the importance of|(?:an? )?interesting (?:conversation|discussion|chat)|in this episode|various|things|a lot of|shares? (?:their|his|her) (?:thoughts|insights|experience)|explores?|dives? into|key takeaways?|valuable insights?)\b/gi;

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;
const saturate = (n: number, full: number) => Math.min(n, full) / full;
const within = (n: number, low: number, high: number) => (n >= low && n <= high ? 1 : 0);

/** Capitalised words not opening a sentence: people, companies, places, products. */
function namedEntities(text: string): number {
  const words = text.match(/(^|[.!?:]\s+|\s)[\p{Lu}][\p{L}'-]+/gu) ?? [];
  return words.filter((w) => /^\s/.test(w) && !/^\s(I|I'm|I'd|I've)$/.test(w)).length;
}

export const QUALITY_SIGNALS: readonly QualitySignal[] = [
  {
    id: "numbers",
    description: "Names a number: counts, ratios, thresholds",
    weight: 0.1,
    strength: (p) => saturate(count(p.all, NUMBER), 2),
  },
  {
    id: "quantities",
    description: "Gives a percentage, a duration, a time of day or an amount of money",
    weight: 0.1,
    strength: (p) => saturate(count(p.all, QUANTITY), 2),
  },
  {
    id: "named-entities",
    // The body only: title-cased headlines would otherwise look like a list of names.
    description: "Names people, companies or products",
    weight: 0.1,
    strength: (p) => saturate(namedEntities(p.body), 2),
  },
  {
    id: "imperative",
    description: "The headline tells the reader what to do",
    weight: 0.15,
    strength: (p) => (IMPERATIVES.has(firstWord(p.headline)) ? 1 : 0),
  },
  {
    id: "contrast",
    description: "Says what to do instead of what (do X, not Y)",
    weight: 0.1,
    strength: (p) => saturate(count(p.all, CONTRAST), 2),
  },
  {
    id: "rule",
    description: "States a rule of thumb, a limit or a key",
    weight: 0.08,
    strength: (p) => saturate(count(p.all, RULE), 1),
  },
  {
    id: "lengths",
    description: "Headline, body and quote are each of a readable length",
    weight: 0.1,
    strength: (p) =>
      (within(p.headline.length, 25, 100) +
        within(p.body.length, 150, 700) +
        within(p.quote.length, 30, 320)) /
      3,
  },
  {
    id: "generic",
    description: "Describes the conversation ('discussed', 'talked about', 'in this episode')",
    weight: -0.45,
    strength: (p) => saturate(count(p.all, GENERIC), 3),
  },
  {
    id: "question",
    description: "Asks a question instead of answering one",
    weight: -0.15,
    strength: (p) => (/\?\s*$/.test(p.headline) || /\?\s*$/.test(p.body) ? 1 : 0),
  },
  {
    id: "short-body",
    description: "The body is too short to carry a claim and its reason",
    weight: -0.2,
    strength: (p) => (p.body.length < 80 ? 1 : 0),
  },
  {
    id: "long-body",
    description: "The body is too long to read in a brief",
    weight: -0.15,
    strength: (p) => (p.body.length > 900 ? 1 : 0),
  },
];

export type QualityReport = { score: number; signals: { id: string; contribution: number }[] };

/** The score and the signals that moved it, strongest first. */
export function explainQuality(input: QualityInput): QualityReport {
  const parts: Parts = {
    headline: input.headline.trim(),
    body: input.body.trim(),
    quote: input.quote.trim(),
    all: `${input.headline}\n${input.body}`,
  };
  let score = BASE_SCORE;
  const signals: QualityReport["signals"] = [];
  for (const signal of QUALITY_SIGNALS) {
    const contribution = signal.weight * signal.strength(parts);
    if (contribution === 0) continue;
    score += contribution;
    signals.push({ id: signal.id, contribution });
  }
  signals.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
  return { score: Math.min(1, Math.max(0, score)), signals };
}

/** Specificity and actionability of an insight, in [0, 1]. */
export function qualityScore(input: QualityInput): number {
  return explainQuality(input).score;
}

const firstWord = (text: string) =>
  text
    .trim()
    .split(/[^\p{L}-]/u)[0]
    ?.toLowerCase() ?? "";
