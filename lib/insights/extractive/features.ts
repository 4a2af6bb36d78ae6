import { findAds } from "./ads";
import { cueScore } from "./cues";
import { stripDisfluencies, wordCount } from "./disfluency";
import { isBackchannel, isShowTalk } from "./filler";
import { percentiles } from "./score";
import type { Sentence, SplitTranscript } from "./sentences";
import { contentTerms } from "./terms";
import { textRank, tfidfVectors, type Vector } from "./textrank";
import { type Speakers, speakersOf, type Turns, turnsOf } from "./turns";

// What a careful listener hears in a sentence, as numbers: who says it (the guest who talks at
// length, or the host who asks), where (deep in a long answer, or in the intro), how (a claim
// with its reason, a story, a question, an ad read), and how central it is to the episode.
// The weights that turn these into a score were fitted to gold moments (weights.ts).

export const FEATURES = [
  "speakerShare",
  "speakerQuestions",
  "speakerFirst",
  "unlabelled",
  "turnWords",
  "turnPosition",
  "turnFirst",
  "answersQuestion",
  "intro",
  "outro",
  "words",
  "short",
  "question",
  "ad",
  "adNear",
  "showTalk",
  "advice",
  "specificity",
  "vagueness",
  "claim",
  "reason",
  "story",
  "generalYou",
  "firstPerson",
  "noise",
  "centrality",
  "localCentrality",
  "names",
  "laughter",
  "pleasantry",
  "pastTense",
  "hedges",
  "numbers",
  "windowClaim",
  "windowReason",
  "windowStory",
  "windowYou",
  "windowFirstPerson",
  "windowPast",
  "windowCentrality",
  "windowWords",
  "turnRank",
  "topTalker",
] as const;

export type Feature = (typeof FEATURES)[number];
export type FeatureRow = Record<Feature, number>;

const CLAIM =
  /\b(?:the (?:key|trick|problem|reason|thing is|point|lesson|mistake|secret|truth|goal|idea|biggest|most important|best|worst|hardest|real)|what (?:i|we) (?:learned|found|realized|saw)|i (?:think|believe|would argue|'d argue|feel like) (?:the|that|it's|you|a|most|people)|important|matters?|(?:you|we|people) (?:should|need to|have to|must|can't|don't need)|never|always|most (?:people|companies|teams)|it turns out|in other words|the way (?:to|i|we))\b/gi;
const REASON =
  /\b(?:because|so that|which means|that's why|the reason|otherwise|therefore|that means|as a result|if you)\b/gi;
const STORY =
  /\b(?:i|we|he|she|they) (?:was|were|went|had|got|came|said|told|remember|met|started|decided|moved|called|asked)\b|\b(?:back then|at the time|one day|years ago|last week|yesterday)\b/gi;
const GENERAL_YOU = /\byou(?:'re|'ve|'ll)?\b|\bpeople\b|\beveryone\b|\banyone\b/gi;
const FIRST_PERSON = /\b(?:i|me|my|i'm|i've|i'd)\b/gi;
const LAUGHTER = /\[(?:laugh|chuckle)|\((?:laugh|chuckle)|\bhaha\b|\blol\b/i;
const PLEASANTRY =
  /\b(?:thank(?:s| you)(?: so much)? for (?:having|coming|joining|listening|being)|welcome (?:to|back)|great to (?:have|see)|good to (?:have|see)|my pleasure|where can (?:people|folks|listeners)|find you online|see you next|talk to you (?:soon|next)|bye)\b/i;
const NAME = /(?<=\s)[A-Z][a-z]+(?:[A-Z][a-z]+)?\b/g;
const PAST =
  /\b(?:was|were|had|did|went|got|came|said|told|thought|knew|made|took|saw|[a-z]{3,}ed)\b/gi;
const HEDGES =
  /\b(?:i guess|i suppose|maybe|probably|kind of|sort of|i don't know|i'm not sure)\b/gi;
const NUMBERS = /\d|\b(?:percent|half|twice|double|hundred|thousand|million|billion)\b/gi;
// The window a claim and its reason span: the sentence and the next few of the same turn.
const WINDOW = 3;

const QUOTE_MAX_CHARS = 300;
const QUOTE_MAX_WORDS = 60;
const CLAIM_MIN_WORDS = 8;
const MAX_NOISE = 0.25;
// Openings of greetings, questions and asides rather than claims, quoted or not, and of a
// sentence that lost its subject ("Would have been…").
const OPENS_OFF_CLAIM =
  /^["“'‘]?(?:hey|hi|hello|like|yeah|okay|ok|oh|well|how|what|why|where|who|sadly|probably|maybe|would|could|was|were|had)\b/i;

/**
 * Whether a sentence can be the claim that opens a card: quotable as said (not too long, not a
 * question), a whole sentence of some length, not the tail of one ("'s on the maintainer
 * side…", "and then…") or a thought broken off ("…the upsides are like").
 */
export function canOpenCard(said: string, clean: string): boolean {
  const words = wordCount(clean);
  const saidWords = wordCount(said);
  const text = clean.trim();
  return (
    words >= CLAIM_MIN_WORDS &&
    // Garbled or stammered speech ("If you when you're and this is something that I…") reads
    // badly even cleaned up.
    (saidWords - words) / Math.max(1, saidWords) <= MAX_NOISE &&
    !OPENS_OFF_CLAIM.test(text) &&
    saidWords <= QUOTE_MAX_WORDS &&
    said.length <= QUOTE_MAX_CHARS &&
    !/\?["'”’)\]]*$/.test(said) &&
    !/^(?:and|but|or|so|because|which|'s|than)\b/i.test(text) &&
    !/\b(?:like|and|but|or|so|the|a|an|to|of|that|because|with|is|are|if)[.!…,]*["”]?$/i.test(text)
  );
}

export type SentenceFeatures = {
  rows: FeatureRow[];
  /** Sentences worth considering at all: spoken words, not an ad read or show business. */
  talk: boolean[];
  clean: string[];
  lengths: number[];
  vectors: Vector[];
};

export function sentenceFeatures({ sentences, streams }: SplitTranscript): SentenceFeatures {
  const clean = sentences.map((s) => stripDisfluencies(s.text));
  const lengths = clean.map(wordCount);
  const ads = findAds(sentences);
  const talk = clean.map(
    (text, i) => !ads[i] && !isShowTalk(text) && !isBackchannel(text) && (lengths[i] ?? 0) > 0,
  );
  const vectors = tfidfVectors(clean.map((text) => contentTerms(text)));
  const graph = sentences.map((_, i) => (talk[i] ? vectors[i] : new Map()) as Vector);
  const episode: Episode = {
    sentences,
    clean,
    lengths,
    ads,
    speakers: speakersOf({ sentences, streams }, lengths),
    turns: turnsOf(sentences, lengths),
    ranks: percentiles(textRank(graph)),
  };
  const rows = sentences.map((sentence, i) =>
    featureRow(episode, sentence, i, streams[sentence.stream]?.speaker ?? null),
  );
  addWindows(rows, sentences);
  return { rows, talk, clean, lengths, vectors };
}

/** What the features of one sentence are read against. */
type Episode = {
  sentences: Sentence[];
  clean: string[];
  lengths: number[];
  ads: boolean[];
  speakers: Speakers;
  turns: Turns;
  /** Each sentence's centrality, as a percentile among the episode's. */
  ranks: number[];
};

function featureRow(
  episode: Episode,
  sentence: Sentence,
  i: number,
  speaker: string | null,
): FeatureRow {
  const { sentences, ads, ranks } = episode;
  const { bySpeaker, allWords, firstSpeaker, topTalker } = episode.speakers;
  const { streamSentences, streamWords, turnRanks } = episode.turns;
  const total = sentences.length;
  const text = episode.clean[i] ?? "";
  const words = Math.max(1, episode.lengths[i] ?? 0);
  const tally = speaker ? bySpeaker.get(speaker) : undefined;
  const turn = streamSentences.get(sentence.stream) ?? [sentence];
  const inTurn = turn.indexOf(sentence);
  const previousTurn = streamSentences.get(sentence.stream - 1);
  const previousLast = previousTurn?.at(-1)?.text ?? "";
  const position = i / Math.max(1, total - 1);
  const cues = cueScore(text);
  const near = (k: number) => (i + k >= 0 && i + k < total ? (ranks[i + k] ?? 0) : 0);
  const count = (pattern: RegExp) => (text.match(pattern)?.length ?? 0) / words;
  return {
    speakerShare: tally && allWords > 0 ? tally.words / allWords : 0,
    speakerQuestions: tally ? tally.questions / Math.max(1, tally.sentences) : 0,
    speakerFirst: speaker !== null && speaker === firstSpeaker ? 1 : 0,
    unlabelled: speaker === null ? 1 : 0,
    turnWords: Math.log1p(streamWords.get(sentence.stream) ?? 0) / 8,
    turnPosition: turn.length > 1 ? inTurn / (turn.length - 1) : 0,
    turnFirst: inTurn === 0 ? 1 : 0,
    answersQuestion: /\?["'”’)\]]*$/.test(previousLast) && inTurn < 6 ? 1 : 0,
    intro: position < 0.06 ? 1 : 0,
    outro: position > 0.95 ? 1 : 0,
    words: Math.log1p(words) / 4,
    short: words < 8 ? 1 : 0,
    question: /\?["'”’)\]]*$/.test(sentence.text) ? 1 : 0,
    ad: ads[i] ? 1 : 0,
    adNear: [-3, -2, -1, 1, 2, 3].some((k) => ads[i + k]) ? 1 : 0,
    showTalk: isShowTalk(text) || isBackchannel(text) ? 1 : 0,
    advice: cues.advice,
    specificity: cues.specificity,
    vagueness: cues.vagueness,
    claim: Math.min(1, count(CLAIM) * 8),
    reason: Math.min(1, count(REASON) * 8),
    story: Math.min(1, count(STORY) * 8),
    generalYou: Math.min(1, count(GENERAL_YOU) * 8),
    firstPerson: Math.min(1, count(FIRST_PERSON) * 8),
    noise: Math.max(0, wordCount(sentence.text) - words) / wordCount(sentence.text || "x"),
    centrality: ranks[i] ?? 0,
    localCentrality: (near(-2) + near(-1) + near(1) + near(2)) / 4,
    names: Math.min(1, ((` ${text}`.match(NAME)?.length ?? 0) / words) * 5),
    laughter: [-1, 0, 1].some((k) => LAUGHTER.test(sentences[i + k]?.text ?? "")) ? 1 : 0,
    pleasantry: PLEASANTRY.test(text) ? 1 : 0,
    pastTense: Math.min(1, count(PAST) * 5),
    hedges: Math.min(1, count(HEDGES) * 8),
    numbers: Math.min(1, count(NUMBERS) * 8),
    windowClaim: 0,
    windowReason: 0,
    windowStory: 0,
    windowYou: 0,
    windowFirstPerson: 0,
    windowPast: 0,
    windowCentrality: 0,
    windowWords: 0,
    turnRank: turnRanks.get(sentence.stream) ?? 0,
    topTalker: speaker !== null && speaker === topTalker ? 1 : 0,
  };
}

// What the sentence and the next few of its turn say together: a claim and its reason.
function addWindows(rows: FeatureRow[], sentences: Sentence[]): void {
  const total = sentences.length;
  rows.forEach((row, i) => {
    const stream = sentences[i]?.stream;
    const window: FeatureRow[] = [];
    for (let j = i; j < Math.min(total, i + WINDOW + 1); j++) {
      const other = rows[j];
      if (sentences[j]?.stream !== stream || !other) break;
      window.push(other);
    }
    const mean = (f: Feature) => window.reduce((sum, r) => sum + r[f], 0) / window.length;
    row.windowClaim = mean("claim");
    row.windowReason = mean("reason");
    row.windowStory = mean("story");
    row.windowYou = mean("generalYou");
    row.windowFirstPerson = mean("firstPerson");
    row.windowPast = mean("pastTense");
    row.windowCentrality = mean("centrality");
    row.windowWords = Math.log1p(window.reduce((sum, r) => sum + Math.expm1(r.words * 4), 0)) / 6;
  });
}
