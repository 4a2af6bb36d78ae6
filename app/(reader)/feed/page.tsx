import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { FeedView } from "@/app/_views/feed";
import { getProfile } from "@/db/queries/profiles";
import { currentReader } from "@/lib/session";

export const metadata: Metadata = { title: "Feed" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// A signed-out visit with no filters is rewritten by proxy.ts to /public/feed, served from the
// cache; this page serves readers and filtered or paged visits.
export default async function FeedPage({ searchParams }: Props) {
  const params = await searchParams;
  const reader = await currentReader();
  const profile = reader ? await getProfile({ userId: reader.id }) : null;
  if (reader && !profile?.onboardedAt) redirect("/onboarding");
  return (
    <FeedView reader={reader} followedTopics={profile?.followedTopics ?? []} params={params} />
  );
}
