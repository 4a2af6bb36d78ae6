// GET|POST /api/cron/ingest — check due feeds and fetch new transcripts, for one time slice.
import { NextResponse } from "next/server";
import { runIngest } from "@/lib/ingest/run";
import { refreshPublicPages } from "@/lib/public-pages";
import { withCron } from "../with-cron";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

const ingest = withCron(async () => {
  const summary = await runIngest({ budgetMs: 50_000 });
  // A feed that changed may have a new name, and the public feed lists the shows by name.
  const changed = summary.feedsChecked - summary.notModified - summary.feedsFailed;
  if (changed > 0) refreshPublicPages("checking feeds");
  return NextResponse.json(summary);
});

export { ingest as GET, ingest as POST };
