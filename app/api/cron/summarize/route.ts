// GET|POST /api/cron/summarize — turn transcribed episodes into insights, for one time slice.
import { NextResponse } from "next/server";
import { runSummarize } from "@/lib/insights/run";
import { refreshPublicPages } from "@/lib/public-pages";
import { withCron } from "../with-cron";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

const summarize = withCron(async () => {
  const summary = await runSummarize({ budgetMs: 50_000 });
  // Insights stored, or an episode's replaced: what the public pages show has changed.
  if (summary.episodes > 0) refreshPublicPages("summarizing episodes");
  return NextResponse.json(summary);
});

export { summarize as GET, summarize as POST };
