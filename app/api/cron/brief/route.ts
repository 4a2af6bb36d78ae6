// GET|POST /api/cron/brief — send the daily briefs that are due, for one time slice.
import { NextResponse } from "next/server";
import { runBriefs } from "@/lib/brief/run";
import { withCron } from "../with-cron";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

const brief = withCron(async () => NextResponse.json(await runBriefs({ budgetMs: 50_000 })));

export { brief as GET, brief as POST };
