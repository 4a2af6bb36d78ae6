import { ratio } from "./measure";
import type { relatedLists, scoreAgreement } from "./related";
import type { Summary } from "./summary";
import { type Row, TOP } from "./transcript";

// eval:insights' printout: a line per transcript, then the summary lines.

export type Report = {
  overall: Summary;
  tuning: Summary;
  holdout: Summary;
  related: {
    floor: number;
    onMoments: ReturnType<typeof relatedLists>;
    onInsights: ReturnType<typeof relatedLists>;
    sweep: ReturnType<typeof relatedLists>[];
  };
  scoreAgreement: ReturnType<typeof scoreAgreement>;
};

export function printTable(all: Row[]) {
  const table = [
    [
      "transcript",
      "layout",
      "words",
      "ms",
      "n",
      "top hit",
      "TextRank",
      "trap",
      "spk",
      "time",
      "lbl",
    ],
    ...all.map((r) => [
      `${r.holdout ? "*" : " "}${r.transcript.slice(0, 52)}`,
      r.layout,
      String(r.words),
      String(Math.round(r.ms)),
      String(r.insights),
      r.gold ? `${r.top.hits}/${r.top.picks}` : "",
      r.gold ? `${r.baseline.hits}/${r.baseline.picks}` : "",
      r.gold ? String(r.top.traps) : "",
      pct(ratio(r.structure.withSpeaker, r.structure.speakerStated)),
      pct(ratio(r.structure.withTime, r.structure.timeStated)),
      String(r.structure.labelled),
    ]),
  ];
  const widths = table[0]?.map((_, i) => Math.max(...table.map((r) => (r[i] ?? "").length))) ?? [];
  for (const row of table) console.info(row.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" "));
  const missing = all.filter((r) => r.unlocated.length > 0);
  for (const r of missing)
    console.info(`  gold not found in ${r.transcript}: ${r.unlocated.join(", ")}`);
  console.info("  * held out of tuning");
}

export function printSummary(report: Report) {
  for (const [name, s] of [
    ["all", report.overall],
    ["tuning", report.tuning],
    ["holdout", report.holdout],
  ] as const) {
    console.info(
      `${name.padEnd(8)} top-${TOP} hit ${pct(s.hitRate)} (TextRank ${pct(s.baselineHitRate)}), trap ${pct(s.trapRate)} (TextRank ${pct(s.baselineTrapRate)}), moments found ${pct(s.momentsFound)} · ${s.withGold} with gold of ${s.transcripts}`,
    );
  }
  const s = report.overall;
  console.info(
    `structure: verbatim ${pct(s.verbatim)} · speaker ${pct(s.speakerCoverage)} · time ${pct(s.timeCoverage)} · labels in text ${s.labelled} · cards repeating a sentence ${s.repeated} · host share ${pct(s.hostShare)}`,
  );
  const { related, scoreAgreement: agreement } = report;
  const r = related.onMoments;
  const q = related.onInsights;
  console.info(
    `related (floor ${related.floor}): on gold moments ${pct(r.precision)} precise (${r.right}/${r.listed} listed, ${r.shown}/${r.sources} themed moments show a list, ${r.unthemedShown} unthemed do) · on extracted insights ${pct(q.precision)} (${q.right}/${q.listed}, ${q.shown}/${q.sources} themed show a list, ${q.unthemedShown} unthemed do)`,
  );
  console.info(
    `  at other floors (gold moments): ${related.sweep.map((x) => `${x.floor}: ${pct(x.precision)} of ${x.listed} (${x.shown} lists)`).join(" · ")}`,
  );
  console.info(
    `topics: ${pct(s.topicAgreement)} of insights in a moment share a gold topic; ${pct(s.topicPrecision)} of their tags are gold`,
  );
  console.info(
    `score vs gold: AUC ${agreement.auc?.toFixed(2) ?? "–"} · mean score in a moment ${fmt(agreement.meanInMoment)}, outside ${fmt(agreement.meanOutside)}, in a trap ${fmt(agreement.meanInTrap)}`,
  );
  console.info(
    `time: ${Math.round(s.msPerEpisode ?? 0)} ms per episode, ${Math.round(s.msPer20kWords ?? 0)} ms per 20,000 words`,
  );
}

function pct(x: number | null): string {
  return x === null ? "–" : `${Math.round(x * 100)}%`;
}

function fmt(x: number | null): string {
  return x === null ? "–" : x.toFixed(2);
}
