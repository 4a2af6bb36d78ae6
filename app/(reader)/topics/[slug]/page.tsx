import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TopicView, topicMetadata } from "@/app/_views/topic";
import { readFlash } from "@/lib/flash";
import { currentReader } from "@/lib/session";
import { parseParams, type SearchParams } from "@/lib/views/params";
import { readTopic, readTopicHead, topicParams } from "@/lib/views/topic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return topicMetadata(await readTopicHead((await params).slug));
}

// A signed-out visit to the first page is rewritten by proxy.ts to /public/topics/[slug], served
// from the cache; this page serves readers and later pages.
export default async function TopicPage({ params, searchParams }: Props) {
  const query = await searchParams;
  const reader = await currentReader();
  const data = await readTopic({
    slug: (await params).slug,
    reader,
    params: parseParams(topicParams, query),
  });
  if (!data) notFound();
  return <TopicView data={data} signedIn={reader !== null} error={readFlash(query, "error")} />;
}
