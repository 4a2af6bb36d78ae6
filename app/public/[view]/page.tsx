import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FeedView } from "@/app/_views/feed";
import { Landing } from "@/app/_views/landing";
import { readFeed } from "@/lib/views/feed";

type Props = { params: Promise<{ view: string }> };

export const dynamic = "force-static";

// None at build time (the build has no database to read): each view is rendered on its first
// visit, then served from the cache.
export function generateStaticParams(): { view: string }[] {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return (await params).view === "feed" ? { title: "Feed" } : {};
}

/** `/` and `/feed` as a signed-out visitor sees them. */
export default async function PublicView({ params }: Props) {
  const { view } = await params;
  if (view === "landing") return <Landing />;
  if (view !== "feed") notFound();
  const feed = await readFeed({ reader: null, params: {} });
  return <FeedView feed={feed} signedIn={false} params={{}} />;
}
