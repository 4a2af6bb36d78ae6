import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { InsightView } from "@/app/_views/insight";
import { insightMetadata } from "@/app/_views/insight-metadata";
import { recordEvent } from "@/db/queries/events";
import { getInsight } from "@/db/queries/insights";
import { readFlash } from "@/lib/flash";
import { currentReader } from "@/lib/session";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return insightMetadata((await params).id);
}

// A signed-out visit is rewritten by proxy.ts to /public/insights/[id], served from the cache.
export default async function InsightPage({ params, searchParams }: Props) {
  const insight = await getInsight({ id: (await params).id });
  if (!insight) notFound();
  const reader = await currentReader();
  // Opened: the daily brief does not bring it again.
  if (reader) await recordEvent({ userId: reader.id, insightId: insight.id, kind: "open" });
  const error = readFlash(await searchParams, "error");
  return <InsightView insight={insight} reader={reader} error={error} />;
}
