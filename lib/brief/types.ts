import type { BriefCadence } from "@/db/schema";

// What the brief email shows, as plain data: compose makes it, render turns it into the email.

export type BriefItemView = {
  insightId: string;
  kind: "top" | "resurfaced";
  headline: string;
  body: string;
  quote: string;
  speaker: string | null;
  podcastTitle: string;
  episodeTitle: string;
  /** The audio at the quote's second (#t=) or the episode page; null when there is neither. */
  listenUrl: string | null;
  /** "Listen at 12:34", or "Listen" without a time. */
  listenLabel: string | null;
  /** Why it is in the brief: "Because you follow Leadership", "From your library". */
  reason: string;
  /** The insight's page on the site. */
  insightUrl: string;
  /**
   * Signed one-click links (a GET shows a page that records the choice by POST). No save link
   * for an insight the reader has saved already.
   */
  actions: { save: string | null; more: string; less: string };
};

export type BriefEmailInput = {
  localDate: string; // YYYY-MM-DD, the reader's local date
  /** A weekly brief says so, and names its week rather than its day. */
  cadence: BriefCadence;
  dateLabel: string; // "Tuesday, 24 November"; weekly: "18–24 November"
  items: BriefItemView[];
  webViewUrl: string;
  settingsUrl: string;
  /** "Change how often": a signed page where the reader picks daily, weekdays or weekly. */
  cadenceUrl: string;
  /** The unsubscribe page (a GET shows a button; the List-Unsubscribe header posts to it). */
  unsubscribeUrl: string;
};

export type RenderedBrief = { subject: string; preheader: string; html: string; text: string };
