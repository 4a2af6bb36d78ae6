// The credit the demo's transcripts are owed (Changelog Media, CC BY-SA 4.0: see
// lib/demo/feeds/ATTRIBUTION.md), shown wherever the demo shows are listed.

export const DEMO_ATTRIBUTION = {
  credit: "Demo show: transcripts by Changelog Media",
  licence: "CC BY-SA 4.0",
  licenceUrl: "https://creativecommons.org/licenses/by-sa/4.0/",
  sourceUrl: "https://changelog.com",
} as const;

/** Whether a show's feed is one of the demo's files (lib/demo/feeds). */
export function isDemoFeed(feedUrl: string): boolean {
  return feedUrl.startsWith("file:") && feedUrl.includes("/lib/demo/feeds/");
}
