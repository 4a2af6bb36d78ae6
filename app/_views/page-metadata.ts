import type { Metadata } from "next";
import { env } from "@/lib/env";
import { findEpisode } from "@/lib/views/episode";
import { findShow } from "@/lib/views/show";

// The titles and descriptions of a show's page and an episode's page, reader's or public.

const clip = (text: string, max = 200) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export async function showMetadata(id: string): Promise<Metadata> {
  const show = await findShow(id);
  if (!show) return { title: "Show not found" };
  const title = show.title || "Untitled show";
  const description = clip(
    `${title}${show.author ? ` by ${show.author}` : ""}: the insights Podbrief found in its newest episodes.`,
  );
  const url = new URL(`/shows/${show.id}`, env.APP_URL).toString();
  return {
    title,
    description,
    alternates: { canonical: url },
    openGraph: { type: "website", url, siteName: "Podbrief", title, description },
  };
}

export async function episodeMetadata(id: string): Promise<Metadata> {
  const episode = await findEpisode(id);
  if (!episode) return { title: "Episode not found" };
  const title = episode.title || "Untitled episode";
  const description = clip(
    `An episode of ${episode.podcast.title}: its insights, chapters and transcript on Podbrief.`,
  );
  const url = new URL(`/episodes/${episode.id}`, env.APP_URL).toString();
  return {
    title: `${title} · ${episode.podcast.title}`,
    description,
    alternates: { canonical: url },
    openGraph: { type: "article", url, siteName: "Podbrief", title, description },
  };
}
