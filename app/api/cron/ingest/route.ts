// GET|POST /api/cron/ingest — check due feeds and fetch new transcripts, for one time slice.
import { NextResponse } from "next/server";
import { runIngest } from "@/lib/ingest/run";
import { withCron } from "../with-cron";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

const ingest = withCron(async () => NextResponse.json(await runIngest({ budgetMs: 50_000 })));

export { ingest as GET, ingest as POST };
