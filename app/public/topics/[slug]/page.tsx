import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TopicView, topicMetadata } from "@/app/_views/topic";
import { readTopic, readTopicHead } from "@/lib/views/topic";

type Props = { params: Promise<{ slug: string }> };

export const dynamic = "force-static";

// None at build time (the build has no database to read): each topic's page is rendered on its
// first visit, then served from the cache.
export function generateStaticParams(): { slug: string }[] {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return topicMetadata(await readTopicHead((await params).slug));
}

export default async function PublicTopicPage({ params }: Props) {
  const data = await readTopic({ slug: (await params).slug, reader: null });
  if (!data) notFound();
  return <TopicView data={data} signedIn={false} />;
}
