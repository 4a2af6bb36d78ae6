// npm run eval:insights -- [folder]   (default ../shared/fixtures/transcripts)
// Runs the offline extractive summarizer over every transcript in a folder and prints, per
// transcript: insights, grounding rate, mean sentences per body, the largest cosine between two
// insights of the episode (redundancy), and the share of bodies with a number, a name or an
// imperative. Goals: grounding 100%, redundancy below 0.8.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseTranscript, transcriptFormatOf } from "@/lib/ingest/transcripts";
import { cosine, localEmbedding } from "@/lib/insights/embedding";
import { extractInsights } from "@/lib/insights/extractive";
import { extractiveCandidates } from "@/lib/insights/summarize";

const folder = path.resolve(process.argv[2] ?? "../shared/fixtures/transcripts");

if (!existsSync(folder)) {
  console.info(`eval:insights skipped: ${folder} is absent`);
  process.exit(0);
}

// A number, or advice phrased as a command or rule: what makes a takeaway something to act on.
const SPECIFIC =
  /\d|\b(should|try|start|stop|always|never|don't|do not|make sure|instead of|rule of thumb)\b/i;
// A capitalised word not at a sentence start: a person, a company, a product.
const NAME = /(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+/;

const rows: string[][] = [
  ["transcript", "insights", "grounded", "sentences/body", "max cosine", "specific"],
];
let worstGrounding = 1;
let worstRedundancy = 0;
for (const file of readdirSync(folder).sort()) {
  const format = transcriptFormatOf(null, file);
  if (!format) continue;
  const segments = parseTranscript(readFileSync(path.join(folder, file), "utf8"), format);
  const extracted = extractInsights(segments);
  const { candidates } = extractiveCandidates(segments);
  const grounding = extracted.length === 0 ? 1 : candidates.length / extracted.length;
  const sentences = candidates.map(
    (c) => (c.body.match(/[^.!?]+[.!?]+["')\]]?(\s|$)/g) ?? [c.body]).length,
  );
  const vectors = candidates.map((c) => localEmbedding(`${c.headline}. ${c.body}`));
  let redundancy = 0;
  for (let i = 0; i < vectors.length; i++) {
    for (let j = i + 1; j < vectors.length; j++) {
      redundancy = Math.max(redundancy, cosine(vectors[i] as number[], vectors[j] as number[]));
    }
  }
  const specific = candidates.filter(
    (c) => SPECIFIC.test(c.body) || NAME.test(c.body.slice(1)),
  ).length;
  worstGrounding = Math.min(worstGrounding, grounding);
  worstRedundancy = Math.max(worstRedundancy, redundancy);
  rows.push([
    file,
    String(candidates.length),
    percent(grounding),
    (sentences.reduce((a, b) => a + b, 0) / Math.max(1, sentences.length)).toFixed(1),
    redundancy.toFixed(2),
    percent(candidates.length === 0 ? 0 : specific / candidates.length),
  ]);
}

const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
for (const row of rows) console.info(row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  "));
console.info(
  `\nworst grounding ${percent(worstGrounding)} (goal 100%), worst redundancy ${worstRedundancy.toFixed(2)} (goal < 0.8)`,
);

function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}
