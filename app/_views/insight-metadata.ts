import type { Metadata } from "next";
import { env } from "@/lib/env";
import { findInsight } from "@/lib/views/insight";

/** The title, description and unfurl card of an insight's page, reader's or public. */
export async function insightMetadata(id: string): Promise<Metadata> {
  const insight = await findInsight(id);
  if (!insight) return { title: "Insight not found" };
  const url = new URL(`/insights/${insight.id}`, env.APP_URL).toString();
  const description = `“${insight.quote}”${insight.speaker ? ` — ${insight.speaker}` : ""}, ${insight.podcast.title}`;
  return {
    title: insight.headline,
    description: insight.body,
    alternates: { canonical: url },
    openGraph: {
      type: "article",
      url,
      siteName: "Podbrief",
      title: insight.headline,
      description: `${insight.body} ${description}`.slice(0, 300),
    },
    twitter: { card: "summary", title: insight.headline, description: insight.body },
  };
}
