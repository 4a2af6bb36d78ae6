import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { InsightView } from "@/app/_views/insight";
import { insightMetadata } from "@/app/_views/insight-metadata";
import { getInsight } from "@/db/queries/insights";

type Props = { params: Promise<{ id: string }> };

export const dynamic = "force-static";

// None at build time (the build has no database to read): each insight's page is rendered on
// its first visit, then served from the cache.
export function generateStaticParams(): { id: string }[] {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return insightMetadata((await params).id);
}

export default async function PublicInsightPage({ params }: Props) {
  const insight = await getInsight({ id: (await params).id });
  if (!insight) notFound();
  return <InsightView insight={insight} reader={null} />;
}
