// npm run eval:insights -- [folder] [--provider openai|anthropic|openai-compatible]
// (folder defaults to ../shared/fixtures/corpus)
//
// How good are the insights on real podcasts? Every transcript in the folder is read as it is
// published and summarized the way the product does (offline, or through the named provider).
// Where tests/fixtures/gold holds gold moments for it (written before tuning, QUALITY.md):
//   hit rate  — of the top 5 by the brief's score, the share whose quote lies in a gold moment
//   trap rate — the share that lies in an ad, plug, intro, question … the gold marks as a trap
// and the same for a plain TextRank in the same run, the baseline. Then structure (verbatim
// quotes, speaker and time where the transcript states them, labels left in text, host share),
// related-insight precision against the gold themes, topic agreement, and time per episode.
// Held-out transcripts (gold/split.json) are reported on their own line. Prints a table, writes
// test-results/eval-insights.json, exits 0: it is a measurement, not a test.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Segment } from "@/db/schema";
import type { Candidate } from "@/lib/insights/candidates";
import {
  type Gold,
  type Located,
  loadGold,
  loadHoldout,
  loadThemes,
  spanHolding,
  WordStream,
} from "./eval/gold";
import { addStructure, emptyStructure, ratio, type Structure, structureOf } from "./eval/measure";
import { textRankTop } from "./eval/textrank-baseline";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { provider: { type: "string" }, only: { type: "string" } },
});
const folder = path.resolve(positionals[0] ?? "../shared/fixtures/corpus");
const TOP = 5;
const RELATED_LIMIT = 6;
// About a card's length: a gold moment stands in for an insight with its first words.
const MOMENT_WORDS = 120;

if (!existsSync(folder)) {
  console.info(`eval:insights skipped: ${folder} is absent`);
  process.exit(0);
}
if (values.provider) {
  // lib/env reads the environment once, when first imported: name the provider before anything
  // loads it. The model path caches extractions in the database: an in-memory one here.
  // biome-ignore lint/style/noProcessEnv: an eval script sets its own settings before lib/env
  Object.assign(process.env, {
    AI_PROVIDER: values.provider,
    PGLITE_DIR: "memory://",
    DATABASE_URL: "",
  });
}

try {
  const { env } = await import("@/lib/env");
  void env.AI_PROVIDER;
} catch (error) {
  const { describeStartupError } = await import("@/lib/server-start");
  console.error(`eval:insights: ${describeStartupError(error)}`);
  process.exit(1);
}

const { readTranscript, transcriptFormatOf } = await import("@/lib/ingest/transcripts");
const { selectBest } = await import("@/lib/insights/candidates");
const { extractiveCandidates } = await import("@/lib/insights/summarize");
const { embedTexts } = await import("@/lib/insights/embed");
const { cosine } = await import("@/lib/insights/local-embedding");
const { similarityThresholds } = await import("@/lib/insights/similarity");
const { languageModel } = await import("@/lib/ai/models");

const named = values.provider ? languageModel() : null;
if (values.provider && !named) {
  console.error(`eval:insights: AI_PROVIDER=${values.provider} names no language model`);
  process.exit(1);
}

async function summarize(segments: Segment[]): Promise<Candidate[]> {
  if (!named) return selectBest(extractiveCandidates(segments).candidates);
  const { modelCandidates } = await import("@/lib/insights/model-insights");
  const { createHash } = await import("node:crypto");
  const contentHash = createHash("sha256")
    .update(segments.map((s) => s.text).join("\n"))
    .digest("hex");
  const { candidates } = await modelCandidates({ named, segments, contentHash, now: new Date() });
  return selectBest(candidates);
}

type Tally = { picks: number; hits: number; traps: number; moments: number; found: number };
const tally = (): Tally => ({ picks: 0, hits: 0, traps: 0, moments: 0, found: 0 });
function addTally(into: Tally, more: Tally) {
  for (const key of Object.keys(into) as (keyof Tally)[]) into[key] += more[key];
}

type Placed = { candidate: Candidate; moment: Located | null; trap: Located | null };
type Row = {
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
  topicAgree: { judged: number; agree: number; tags: number; tagsRight: number };
  headlines: { headline: string; score: number; speaker: string | null; in: string | null }[];
};

const gold = loadGold();
const holdout = loadHoldout();
const themes = loadThemes();
const files = readdirSync(folder)
  .filter((file) => transcriptFormatOf(null, file) !== null && !/^(?:SOURCES|README)\./i.test(file))
  .filter((file) => !values.only || file.includes(values.only))
  .sort();

const rows: Row[] = [];
// Insights of gold episodes, for related-insight precision: one format per episode.
const pool: Pooled[] = [];
const momentPool: Pooled[] = [];
const pooled = new Set<string>();
const scored: { score: number; inMoment: boolean; inTrap: boolean }[] = [];

for (const file of files) {
  const body = readFileSync(path.join(folder, file), "utf8");
  const { segments, format } = readTranscript(body, transcriptFormatOf(null, file) ?? "text");
  const stream = new WordStream(segments);
  const began = performance.now();
  const chosen = await summarize(segments);
  const ms = performance.now() - began;
  const g: Gold | undefined = gold.get(file);
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
  const topicAgree = { judged: 0, agree: 0, tags: 0, tagsRight: 0 };
  for (const p of placed) {
    if (!p.moment?.topics) continue;
    const right = p.candidate.topics.filter((t) => p.moment?.topics?.includes(t)).length;
    topicAgree.judged++;
    if (right > 0) topicAgree.agree++;
    topicAgree.tags += p.candidate.topics.length;
    topicAgree.tagsRight += right;
  }
  if (g) {
    for (const p of placed)
      scored.push({ score: p.candidate.score, inMoment: !!p.moment, inTrap: !!p.trap });
    const episode = file.split(".")[0] ?? file;
    if (!pooled.has(episode)) {
      pooled.add(episode);
      for (const m of moments)
        momentPool.push({
          episode,
          ref: `${file}#${m.id}`,
          text: stream.words.slice(m.start, Math.min(m.end, m.start + MOMENT_WORDS)).join(" "),
        });
      for (const p of placed)
        pool.push({
          episode,
          ref: p.moment ? `${file}#${p.moment.id}` : null,
          text: `${p.candidate.headline}. ${p.candidate.body}`,
        });
    }
  }
  rows.push({
    transcript: file,
    layout: format,
    words: stream.words.length,
    ms,
    insights: chosen.length,
    holdout: holdout.has(file),
    gold: !!g,
    top,
    baseline,
    unlocated,
    structure: structureOf(chosen, segments, g),
    topicAgree,
    headlines: placed.map((p) => ({
      headline: p.candidate.headline,
      score: p.candidate.score,
      speaker: p.candidate.grounded.segment.speaker,
      in: p.moment ? p.moment.id : p.trap ? `trap ${p.trap.id}` : null,
    })),
  });
}

function tallyOf(picks: { moment: Located | null; trap: Located | null }[], moments: number) {
  return {
    picks: picks.length,
    hits: picks.filter((p) => p.moment).length,
    traps: picks.filter((p) => p.trap).length,
    moments,
    found: new Set(picks.flatMap((p) => (p.moment ? [p.moment.id] : []))).size,
  };
}

// Related insights, judged against the gold themes: for each item in a themed gold moment, the
// list the product would show (other episodes, above the floor, at most six); precision is the
// share of listed items whose moment shares a theme with it (an item in no theme counts wrong).
// Twice: over the gold moments themselves (their transcript text, standing in for an insight
// on each), which measures the embedding and its floor; and over the extracted insights, which
// is what readers get today but can only be judged where the extractor hit a themed moment.
type Pooled = { episode: string; ref: string | null; text: string };
function relatedLists(items: Pooled[], vectors: number[][], at: number) {
  const out = { sources: 0, shown: 0, listed: 0, right: 0, unthemedShown: 0 };
  items.forEach((source, i) => {
    const list = items
      .map((other, j) => ({ other, similarity: cosine(vectors[i] ?? [], vectors[j] ?? []) }))
      .filter(({ other, similarity }) => other.episode !== source.episode && similarity >= at)
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, RELATED_LIMIT);
    const sourceThemes = source.ref ? themes.get(source.ref) : undefined;
    if (!sourceThemes) {
      if (list.length > 0) out.unthemedShown++;
      return;
    }
    out.sources++;
    if (list.length > 0) out.shown++;
    out.listed += list.length;
    out.right += list.filter(({ other }) =>
      [...(other.ref ? (themes.get(other.ref) ?? []) : [])].some((t) => sourceThemes.has(t)),
    ).length;
  });
  return { floor: at, ...out, precision: ratio(out.right, out.listed) };
}
const floor = similarityThresholds().listed;
const momentVectors = await embedTexts(momentPool.map((p) => p.text));

const insightVectors = await embedTexts(pool.map((p) => p.text));
const related = {
  floor,
  onMoments: relatedLists(momentPool, momentVectors, floor),
  onInsights: relatedLists(pool, insightVectors, floor),
  // The floor the themes justify: precision and reach of the lists at other floors.
  sweep: [0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5].map((at) =>
    relatedLists(momentPool, momentVectors, at),
  ),
};

// Does the score the brief ranks by predict the gold? The chance that a random insight in a
// moment outscores a random one outside (AUC), and mean scores by what the gold says.
const inside = scored.filter((s) => s.inMoment).map((s) => s.score);
const outside = scored.filter((s) => !s.inMoment).map((s) => s.score);
let wins = 0;
for (const a of inside) for (const b of outside) wins += a > b ? 1 : a === b ? 0.5 : 0;
const agreement = {
  auc: ratio(wins, inside.length * outside.length),
  meanInMoment: mean(inside),
  meanOutside: mean(outside),
  meanInTrap: mean(scored.filter((s) => s.inTrap).map((s) => s.score)),
};

function summary(subset: Row[]) {
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

const tuning = rows.filter((r) => !r.holdout);
const held = rows.filter((r) => r.holdout);
const report = {
  at: new Date().toISOString(),
  folder,
  summarizer: named?.id ?? "extractive",
  overall: summary(rows),
  tuning: summary(tuning),
  holdout: summary(held),
  related,
  scoreAgreement: agreement,
  labelledExamples: rows.flatMap((r) => r.structure.examples).slice(0, 20),
  transcripts: rows,
};

printTable(rows);
console.info("");
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
const r = related.onMoments;
const q = related.onInsights;
console.info(
  `related (floor ${floor}): on gold moments ${pct(r.precision)} precise (${r.right}/${r.listed} listed, ${r.shown}/${r.sources} themed moments show a list, ${r.unthemedShown} unthemed do) · on extracted insights ${pct(q.precision)} (${q.right}/${q.listed}, ${q.shown}/${q.sources} themed show a list, ${q.unthemedShown} unthemed do)`,
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
mkdirSync("test-results", { recursive: true });
const out = path.join("test-results", `eval-insights${named ? `-${values.provider}` : ""}.json`);
writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
console.info(`\nwritten to ${out}`);
if (values.provider) {
  const { closeDb } = await import("@/db/client");
  await closeDb();
}

function printTable(all: Row[]) {
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

function mean(xs: readonly number[]): number | null {
  return xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length;
}

function pct(x: number | null): string {
  return x === null ? "–" : `${Math.round(x * 100)}%`;
}

function fmt(x: number | null): string {
  return x === null ? "–" : x.toFixed(2);
}
