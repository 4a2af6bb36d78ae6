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
import { loadGold, loadHoldout, loadThemes } from "./eval/gold";
import { printSummary, printTable, type Report } from "./eval/print";
import { relatedLists, scoreAgreement } from "./eval/related";
import { summary } from "./eval/summary";
import { evaluateTranscript, type Pooled, type Row, type Scored } from "./eval/transcript";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { provider: { type: "string" }, only: { type: "string" } },
});
const folder = path.resolve(positionals[0] ?? "../shared/fixtures/corpus");

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
  const { describeStartupError } = await import("@/lib/server/start");
  console.error(`eval:insights: ${describeStartupError(error)}`);
  process.exit(1);
}

const { readTranscript, transcriptFormatOf } = await import("@/lib/ingest/transcripts");
const { selectBest } = await import("@/lib/insights/candidates");
const { extractiveCandidates } = await import("@/lib/insights/summarize");
const { embedTexts } = await import("@/lib/insights/embed");
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
const scored: Scored[] = [];

for (const file of files) {
  const body = readFileSync(path.join(folder, file), "utf8");
  const { segments, format } = readTranscript(body, transcriptFormatOf(null, file) ?? "text");
  const began = performance.now();
  const chosen = await summarize(segments);
  const ms = performance.now() - began;
  const { row, parts } = evaluateTranscript({
    file,
    segments,
    layout: format,
    chosen,
    ms,
    gold: gold.get(file),
    holdout: holdout.has(file),
  });
  rows.push(row);
  if (!parts) continue;
  scored.push(...parts.scored);
  const episode = file.split(".")[0] ?? file;
  if (pooled.has(episode)) continue;
  pooled.add(episode);
  momentPool.push(...parts.moments);
  pool.push(...parts.insights);
}

const floor = similarityThresholds().listed;
const momentVectors = await embedTexts(momentPool.map((p) => p.text));
const insightVectors = await embedTexts(pool.map((p) => p.text));
const related = {
  floor,
  onMoments: relatedLists(momentPool, momentVectors, floor, themes),
  onInsights: relatedLists(pool, insightVectors, floor, themes),
  // The floor the themes justify: precision and reach of the lists at other floors.
  sweep: [0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5].map((at) =>
    relatedLists(momentPool, momentVectors, at, themes),
  ),
};

const report: Report & Record<string, unknown> = {
  at: new Date().toISOString(),
  folder,
  summarizer: named?.id ?? "extractive",
  overall: summary(rows),
  tuning: summary(rows.filter((r) => !r.holdout)),
  holdout: summary(rows.filter((r) => r.holdout)),
  related,
  scoreAgreement: scoreAgreement(scored),
  labelledExamples: rows.flatMap((r) => r.structure.examples).slice(0, 20),
  transcripts: rows,
};

printTable(rows);
console.info("");
printSummary(report);
mkdirSync("test-results", { recursive: true });
const out = path.join("test-results", `eval-insights${named ? `-${values.provider}` : ""}.json`);
writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
console.info(`\nwritten to ${out}`);
if (values.provider) {
  const { closeDb } = await import("@/db/client");
  await closeDb();
}
