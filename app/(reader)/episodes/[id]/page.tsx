import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EpisodeView } from "@/app/_views/episode";
import { episodeMetadata } from "@/app/_views/page-metadata";
import { readEpisode } from "@/lib/views/episode";
import type { SearchParams } from "@/lib/views/params";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return episodeMetadata((await params).id);
}

// A signed-out visit with no query is rewritten by proxy.ts to /public/episodes/[id], served from
// the cache; a search (?q=) is rendered here for anyone.
export default async function EpisodePage({ params, searchParams }: Props) {
  const data = await readEpisode({ id: (await params).id, params: await searchParams });
  if (!data) notFound();
  return <EpisodeView data={data} />;
}
