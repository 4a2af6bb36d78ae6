import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EpisodeView } from "@/app/_views/episode";
import { episodeMetadata } from "@/app/_views/page-metadata";
import { readEpisode } from "@/lib/views/episode";

type Props = { params: Promise<{ id: string }> };

export const dynamic = "force-static";

// None at build time (no database then): each episode's page is rendered on its first visit.
export function generateStaticParams(): { id: string }[] {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return episodeMetadata((await params).id);
}

export default async function PublicEpisodePage({ params }: Props) {
  const data = await readEpisode({ id: (await params).id });
  if (!data) notFound();
  return <EpisodeView data={data} />;
}
