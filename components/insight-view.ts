import type { Soundbite } from "@/lib/listen";

// The shape of an insight the UI renders. Components take plain data and never import db/.
export type InsightView = {
  id: string;
  headline: string;
  body: string;
  quote: string;
  quoteStartS: number | null;
  speaker: string | null;
  topics: { slug: string; label: string }[];
  episode: {
    /** The episode's page is /episodes/{id}. */
    id: string;
    title: string;
    link: string | null;
    audioUrl: string | null;
    publishedAt: Date | null;
    /** The feed's podcast:soundbite ranges, when the query carries them. */
    soundbites?: Soundbite[] | null;
  };
  /** The show's page is /shows/{id}. */
  podcast: { id: string; title: string };
};
