import { webUrl } from "@/lib/listen";
import type { SavedInsight } from "./types";

// A library in the shape of Readwise's highlight import (POST /api/v2/highlights/ takes
// `{ highlights: [...] }` as it is): the quote is the highlight, the episode its "book", the show
// its author, and the reader's headline, note and tags its note (Readwise reads ".tag" in a note
// as a tag). Readwise groups highlights by title and author, so the speaker, who changes within
// an episode, is in the note rather than the author.

export type ReadwiseHighlight = {
  text: string;
  title: string;
  author: string;
  source_url?: string;
  source_type: "podbrief";
  category: "podcasts";
  note: string;
  location?: number;
  location_type?: "time_offset";
  highlighted_at: string;
  highlight_url: string;
};

// Readwise's limits on each field.
const MAX = { text: 8191, title: 511, author: 1024, note: 8191, url: 2047 } as const;

const cut = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

/** ".to-try" for the tag "to-try": Readwise's inline tag syntax takes no spaces. */
const readwiseTag = (tag: string) => `.${tag.replace(/\s+/g, "-")}`;

// Readwise reads inline tags only at the start of a note, and a few dot-words there are its own
// commands (.h1 to .h6 make headings, .c1 to .c6 concatenate, .qa a question): those tags keep
// their meaning as "tag-h1".
const READWISE_COMMAND = /^(h[1-6]|c[1-6]|qa)$/;

function noteOf(item: SavedInsight): string {
  const tags = item.tags.map((tag) => readwiseTag(READWISE_COMMAND.test(tag) ? `tag-${tag}` : tag));
  const parts = [
    tags.length > 0 ? tags.join(" ") : null,
    item.headline,
    item.note?.trim() || null,
    item.speaker ? `Speaker: ${item.speaker}` : null,
  ];
  return parts.filter(Boolean).join("\n\n");
}

export function readwiseHighlight(item: SavedInsight): ReadwiseHighlight {
  const source = webUrl(item.episodeUrl) ?? webUrl(item.audioUrl);
  const at = item.quoteStartS;
  return {
    text: cut(item.quote, MAX.text),
    title: cut(item.episodeTitle, MAX.title),
    author: cut(item.podcastTitle, MAX.author),
    ...(source && source.length <= MAX.url ? { source_url: source } : {}),
    source_type: "podbrief",
    category: "podcasts",
    note: cut(noteOf(item), MAX.note),
    ...(at !== null && Number.isFinite(at)
      ? { location: Math.max(0, Math.floor(at)), location_type: "time_offset" as const }
      : {}),
    highlighted_at: item.savedAt.toISOString(),
    highlight_url: item.insightUrl,
  };
}

export function readwiseHighlights(items: SavedInsight[]): ReadwiseHighlight[] {
  return items.map(readwiseHighlight);
}

/** The export file: the import's request body, pretty-printed. */
export function readwiseJson(items: SavedInsight[]): string {
  return `${JSON.stringify({ highlights: readwiseHighlights(items) }, null, 2)}\n`;
}
