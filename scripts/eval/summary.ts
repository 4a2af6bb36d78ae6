import { addStructure, emptyStructure, ratio } from "./measure";
import { mean } from "./related";
import type { Row, Tally } from "./transcript";

// The figures of a set of transcripts (all, tuning, held out): hit and trap rates beside the
// baseline's, structure, topics and time.

const tally = (): Tally => ({ picks: 0, hits: 0, traps: 0, moments: 0, found: 0 });

function addTally(into: Tally, more: Tally) {
  for (const key of Object.keys(into) as (keyof Tally)[]) into[key] += more[key];
}

export function summary(subset: Row[]) {
  const top = tally();
  const base = tally();
  const structure = emptyStructure();
  const topics = { judged: 0, agree: 0, tags: 0, tagsRight: 0 };
  for (const row of subset) {
    addStructure(structure, row.structure);
    topics.judged += row.topicAgree.judged;
    topics.agree += row.topicAgree.agree;
    topics.tags += row.topicAgree.tags;
    topics.tagsRight += row.topicAgree.tagsRight;
    if (!row.gold) continue;
    addTally(top, row.top);
    addTally(base, row.baseline);
  }
  return {
    transcripts: subset.length,
    withGold: subset.filter((r) => r.gold).length,
    hitRate: ratio(top.hits, top.picks),
    trapRate: ratio(top.traps, top.picks),
    momentsFound: ratio(top.found, top.moments),
    baselineHitRate: ratio(base.hits, base.picks),
    baselineTrapRate: ratio(base.traps, base.picks),
    verbatim: ratio(structure.verbatim, structure.insights),
    speakerCoverage: ratio(structure.withSpeaker, structure.speakerStated),
    timeCoverage: ratio(structure.withTime, structure.timeStated),
    labelled: structure.labelled,
    repeated: structure.repeated,
    hostShare: ratio(structure.onHost, structure.interview),
    topicAgreement: ratio(topics.agree, topics.judged),
    topicPrecision: ratio(topics.tagsRight, topics.tags),
    msPerEpisode: mean(subset.map((r) => r.ms)),
    msPer20kWords: mean(subset.map((r) => (r.ms / Math.max(1, r.words)) * 20_000)),
  };
}

export type Summary = ReturnType<typeof summary>;
