// npm run brief -- [--now ISO-TIMESTAMP] [--user EMAIL] [--dry-run]
// Sends the daily briefs that are due. --now runs as if it were that moment (tests, catching up);
// --user only that reader; --dry-run composes and prints, storing and sending nothing.
import "./server-only-hook";
import { parseArgs } from "node:util";
import { runCli } from "./cli";
import { progressBar } from "./progress";

await runCli(async () => {
  const { values } = parseArgs({
    options: {
      now: { type: "string" },
      user: { type: "string" },
      "dry-run": { type: "boolean", default: false },
      budget: { type: "string" },
    },
  });
  const now = values.now ? new Date(values.now) : new Date();
  if (Number.isNaN(now.getTime())) throw new Error(`--now ${values.now} is not a timestamp`);
  const { runBriefs } = await import("@/lib/brief/run");
  const bar = progressBar("brief");
  const summary = await runBriefs({
    now,
    email: values.user,
    dryRun: values["dry-run"],
    budgetMs: values.budget ? Number(values.budget) * 1000 : 30 * 60 * 1000,
    onProgress: (s) => bar.tick(`${s.sent} sent, ${s.skipped.length} skipped`),
  });
  bar.end();
  if (values["dry-run"]) {
    for (const p of summary.preview) {
      console.info(`${p.email} (${p.localDate}): ${p.subject ?? `nothing to send: ${p.reason}`}`);
    }
  }
  console.info(
    `due: ${summary.due}, composed: ${summary.composed}, sent: ${summary.sent} in ${summary.batches} batches (${summary.providerCalls} provider calls)`,
  );
  console.info(`skipped: ${summary.skipped.length}`);
  for (const s of summary.skipped) console.info(`  ${s.email}: ${s.reason}`);
  console.info(`failed: ${summary.failed.length}`);
  for (const f of summary.failed) console.info(`  ${f.email}: ${f.reason}`);
  if (summary.warning) console.error(summary.warning);
  if (summary.stopped) console.error(`podbrief: the run stopped early: ${summary.stopped}`);
  if (values.user && summary.due === 0 && summary.preview.length === 0 && summary.sent === 0) {
    console.info(`no brief is due for ${values.user} at ${now.toISOString()}`);
  }
  if (summary.stopped || (summary.failed.length > 0 && summary.sent === 0)) process.exitCode = 1;
});
