// GET|POST /api/cron/summarize — turn transcribed episodes into insights, for one time slice.
import { NextResponse } from "next/server";
import { runSummarize } from "@/lib/insights/run";
import { withCron } from "../with-cron";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

const summarize = withCron(async () => NextResponse.json(await runSummarize({ budgetMs: 50_000 })));

export { summarize as GET, summarize as POST };
