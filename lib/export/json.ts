import { listenUrl } from "@/lib/export/listen-url";
import type { SavedInsight } from "@/lib/export/types";

/** Pretty JSON of the whole library; keys are written in a fixed order so exports diff cleanly. */
export function libraryJson(items: SavedInsight[], { exportedAt }: { exportedAt: Date }): string {
  const document = {
    exportedAt: exportedAt.toISOString(),
    count: items.length,
    insights: items.map(insightJson),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function insightJson(item: SavedInsight) {
  return {
    saveId: item.saveId,
    insightId: item.insightId,
    headline: item.headline,
    body: item.body,
    quote: item.quote,
    speaker: item.speaker,
    quoteStartS: item.quoteStartS,
    topics: item.topics,
    tags: item.tags,
    note: item.note,
    podcastTitle: item.podcastTitle,
    episodeTitle: item.episodeTitle,
    episodeUrl: item.episodeUrl,
    audioUrl: item.audioUrl,
    listenUrl: listenUrl(item),
    publishedAt: item.publishedAt?.toISOString() ?? null,
    savedAt: item.savedAt.toISOString(),
    insightUrl: item.insightUrl,
  };
}
