// Sums the Vitest JSON reports of every tier into the one line CI reads: "N passed, N failed".
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const dir = process.argv[2] ?? "test-results/ci";
let passed = 0;
let failed = 0;
let skipped = 0;
const expected = ["unit-and-db-pglite", "db-postgres", "e2e"];
for (const tier of expected) {
  const file = path.join(dir, `${tier}.json`);
  let report;
  try {
    report = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    console.log(`${tier}: no report (the tier did not run)`);
    failed++;
    continue;
  }
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  console.log(`${tier}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
}
const extra = readdirSync(dir).filter(
  (f) => f.endsWith(".json") && !expected.includes(f.slice(0, -5)),
);
if (extra.length > 0) console.log(`ignored reports: ${extra.join(", ")}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
