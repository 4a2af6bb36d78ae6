import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { FeedView } from "@/app/_views/feed";
import { currentReader } from "@/lib/session";
import { feedParams, readFeed } from "@/lib/views/feed";
import { parseParams, type SearchParams } from "@/lib/views/params";

export const metadata: Metadata = { title: "Feed" };

type Props = { searchParams: Promise<SearchParams> };

// A signed-out visit with no filters is rewritten by proxy.ts to /public/feed, served from the
// cache; this page serves readers and filtered or paged visits.
export default async function FeedPage({ searchParams }: Props) {
  const params = await searchParams;
  const reader = await currentReader();
  const feed = await readFeed({ reader, params: parseParams(feedParams, params) });
  if (feed === "onboarding") redirect("/onboarding");
  return <FeedView feed={feed} signedIn={reader !== null} params={params} />;
}
