import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { InsightView } from "@/app/_views/insight";
import { insightMetadata } from "@/app/_views/insight-metadata";
import { readFlash } from "@/lib/flash";
import { currentReader } from "@/lib/session";
import { markInsightOpened, readInsight } from "@/lib/views/insight";
import type { SearchParams } from "@/lib/views/params";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return insightMetadata((await params).id);
}

// A signed-out visit is rewritten by proxy.ts to /public/insights/[id], served from the cache.
export default async function InsightPage({ params, searchParams }: Props) {
  const reader = await currentReader();
  const data = await readInsight({ reader, id: (await params).id });
  if (!data) notFound();
  if (reader) await markInsightOpened({ reader, insightId: data.insight.id });
  const error = readFlash(await searchParams, "error");
  return <InsightView data={data} signedIn={reader !== null} error={error} />;
}
