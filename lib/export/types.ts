/** One insight a reader saved, flattened with everything an export needs. */
export type SavedInsight = {
  saveId: string;
  insightId: string;
  headline: string;
  body: string;
  quote: string;
  speaker: string | null;
  quoteStartS: number | null; // seconds into the episode, may be fractional
  topics: string[]; // topic labels, e.g. "Leadership"
  podcastTitle: string;
  episodeTitle: string;
  episodeUrl: string | null; // episode web page
  audioUrl: string | null;
  publishedAt: Date | null;
  savedAt: Date;
  note: string | null;
  tags: string[]; // the reader's tag names, e.g. "to-try"
  insightUrl: string; // absolute URL of the insight page on our site
};
