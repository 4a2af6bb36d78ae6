import type { Metadata } from "next";
import { env } from "@/lib/env";
import { findInsight } from "@/lib/views/insight";

/** The title, description and unfurl card of an insight's page, reader's or public. */
export async function insightMetadata(id: string): Promise<Metadata> {
  const insight = await findInsight(id);
  if (!insight) return { title: "Insight not found" };
  const url = new URL(`/insights/${insight.id}`, env.APP_URL).toString();
  // The card image (app/insights/[id]/opengraph-image), named in full here: the public copy of
  // the page (app/public/insights) is outside that route's folder, and would not get it.
  const image = {
    url: `${url}/opengraph-image`,
    width: 1200,
    height: 630,
    type: "image/png",
    alt: insight.headline,
  };
  const description = `“${insight.quote}”${insight.speaker ? ` — ${insight.speaker}` : ""}, ${insight.podcast.title}`;
  return {
    metadataBase: new URL(env.APP_URL),
    title: insight.headline,
    description: insight.body,
    alternates: { canonical: url },
    openGraph: {
      type: "article",
      url,
      siteName: "Podbrief",
      title: insight.headline,
      description: `${insight.body} ${description}`.slice(0, 300),
      images: [image],
    },
    twitter: {
      card: "summary_large_image",
      title: insight.headline,
      description: insight.body,
      images: [image],
    },
  };
}
