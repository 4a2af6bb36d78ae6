import type { InsightCard } from "@/db/queries/insights";
import type { SaveState } from "@/db/queries/saves";
import type { ApiInsight, ApiSaved } from "@/lib/api/schemas";
import { env } from "@/lib/env";
import { listenHref, webUrl } from "@/lib/listen";

// An insight as the JSON API (and the MCP server) sends it: the quote, who said it, where, and
// links to hear it and to read it on Podbrief.

export function insightPageUrl(id: string): string {
  return new URL(`/insights/${id}`, env.APP_URL).toString();
}

export function apiInsightOf(card: InsightCard): ApiInsight {
  return {
    id: card.id,
    headline: card.headline,
    body: card.body,
    quote: card.quote,
    speaker: card.speaker,
    start_seconds: card.quoteStartS,
    listen_url: listenHref(card.episode, card.quoteStartS),
    url: insightPageUrl(card.id),
    topics: card.topics,
    show: { id: card.podcast.id, title: card.podcast.title },
    episode: {
      id: card.episode.id,
      title: card.episode.title,
      url: webUrl(card.episode.link),
      published_at: card.episode.publishedAt?.toISOString() ?? null,
    },
  };
}

export function apiSavedOf(card: InsightCard, save: SaveState): ApiSaved {
  return {
    ...apiInsightOf(card),
    saved_at: save.savedAt.toISOString(),
    updated_at: save.updatedAt.toISOString(),
    note: save.note,
    tags: save.tags.map((tag) => tag.name),
  };
}
