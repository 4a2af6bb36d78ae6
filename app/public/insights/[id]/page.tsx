import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { InsightView } from "@/app/_views/insight";
import { insightMetadata } from "@/app/_views/insight-metadata";
import { readInsight } from "@/lib/views/insight";

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
  const data = await readInsight({ reader: null, id: (await params).id });
  if (!data) notFound();
  return <InsightView data={data} signedIn={false} />;
}
