import type { Segment } from "@/db/schema";
import type { Candidate } from "@/lib/insights/candidates";
import { type Gold, type Located, spanHolding, WordStream } from "./gold";
import { type Structure, structureOf } from "./measure";
import { textRankTop } from "./textrank-baseline";

// One transcript of eval:insights: its insights placed against its gold moments and traps, the
// TextRank baseline beside them, and what the related-insight lists and the score check need.

export const TOP = 5;
// About a card's length: a gold moment stands in for an insight with its first words.
const MOMENT_WORDS = 120;

export type Tally = { picks: number; hits: number; traps: number; moments: number; found: number };
export type TopicAgreement = { judged: number; agree: number; tags: number; tagsRight: number };
export type Pooled = { episode: string; ref: string | null; text: string };
export type Scored = { score: number; inMoment: boolean; inTrap: boolean };
type Placed = { candidate: Candidate; moment: Located | null; trap: Located | null };

export type Row = {
  transcript: string;
  layout: string;
  words: number;
  ms: number;
  insights: number;
  holdout: boolean;
  gold: boolean;
  top: Tally;
  baseline: Tally;
  unlocated: string[];
  structure: Structure;
  topicAgree: TopicAgreement;
  headlines: { headline: string; score: number; speaker: string | null; in: string | null }[];
};

/** A gold transcript's insights and moments for the related lists, and its scores. */
export type GoldParts = { moments: Pooled[]; insights: Pooled[]; scored: Scored[] };

export function evaluateTranscript({
  file,
  segments,
  layout,
  chosen,
  ms,
  gold: g,
  holdout,
}: {
  file: string;
  segments: Segment[];
  layout: string;
  chosen: Candidate[];
  ms: number;
  gold: Gold | undefined;
  holdout: boolean;
}): { row: Row; parts: GoldParts | null } {
  const stream = new WordStream(segments);
  const unlocated: string[] = [];
  const locate = (spans: Gold["moments"]) =>
    spans.flatMap((span) => {
      const at = stream.span(span);
      if (!at) unlocated.push(span.id);
      return at ? [{ ...span, ...at }] : [];
    });
  const moments = g ? locate(g.moments) : [];
  const traps = g ? locate(g.traps) : [];
  const place = (quote: string, segmentIndex: number) => {
    const at = stream.find(quote, stream.segmentStarts[segmentIndex] ?? 0);
    return {
      moment: at ? spanHolding(at, moments) : null,
      trap: at ? spanHolding(at, traps) : null,
    };
  };
  const placed: Placed[] = chosen.map((candidate) => ({
    candidate,
    ...place(candidate.grounded.text, candidate.grounded.segmentIndex),
  }));
  const top = tallyOf(
    [...placed].sort((a, b) => b.candidate.score - a.candidate.score).slice(0, TOP),
    moments.length,
  );
  const baseline = tallyOf(
    textRankTop(segments, TOP).map((pick) => place(pick.quote, pick.segmentIndex)),
    moments.length,
  );
  const row: Row = {
    transcript: file,
    layout,
    words: stream.words.length,
    ms,
    insights: chosen.length,
    holdout,
    gold: !!g,
    top,
    baseline,
    unlocated,
    structure: structureOf(chosen, segments, g),
    topicAgree: topicAgreement(placed),
    headlines: placed.map((p) => ({
      headline: p.candidate.headline,
      score: p.candidate.score,
      speaker: p.candidate.grounded.segment.speaker,
      in: p.moment ? p.moment.id : p.trap ? `trap ${p.trap.id}` : null,
    })),
  };
  return { row, parts: g ? goldParts(file, stream, moments, placed) : null };
}

function goldParts(
  file: string,
  stream: WordStream,
  moments: Located[],
  placed: Placed[],
): GoldParts {
  const episode = file.split(".")[0] ?? file;
  return {
    scored: placed.map((p) => ({
      score: p.candidate.score,
      inMoment: !!p.moment,
      inTrap: !!p.trap,
    })),
    moments: moments.map((m) => ({
      episode,
      ref: `${file}#${m.id}`,
      text: stream.words.slice(m.start, Math.min(m.end, m.start + MOMENT_WORDS)).join(" "),
    })),
    insights: placed.map((p) => ({
      episode,
      ref: p.moment ? `${file}#${p.moment.id}` : null,
      text: `${p.candidate.headline}. ${p.candidate.body}`,
    })),
  };
}

function topicAgreement(placed: Placed[]): TopicAgreement {
  const agreement = { judged: 0, agree: 0, tags: 0, tagsRight: 0 };
  for (const p of placed) {
    if (!p.moment?.topics) continue;
    const right = p.candidate.topics.filter((t) => p.moment?.topics?.includes(t)).length;
    agreement.judged++;
    if (right > 0) agreement.agree++;
    agreement.tags += p.candidate.topics.length;
    agreement.tagsRight += right;
  }
  return agreement;
}

function tallyOf(
  picks: { moment: Located | null; trap: Located | null }[],
  moments: number,
): Tally {
  return {
    picks: picks.length,
    hits: picks.filter((p) => p.moment).length,
    traps: picks.filter((p) => p.trap).length,
    moments,
    found: new Set(picks.flatMap((p) => (p.moment ? [p.moment.id] : []))).size,
  };
}
