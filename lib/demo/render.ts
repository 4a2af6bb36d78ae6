import path from "node:path";
import type { DemoShow } from "./catalog";

// Renders the demo catalog as what a real show publishes: an RSS feed per show with iTunes and
// Podcasting 2.0 tags, and a Podcasting 2.0 JSON transcript per episode. The files are committed
// under lib/demo/feeds (npm run demo:files writes them) and ingested like any feed.

export const DEMO_FEEDS_DIR = path.join(process.cwd(), "lib", "demo", "feeds");

/** The day the demo episodes are dated from; the loader moves them to the present. */
export const DEMO_EPOCH = Date.UTC(2026, 10, 24, 6, 0, 0);
const DAY_MS = 24 * 60 * 60 * 1000;

export type DemoFile = { path: string; content: string };

export function renderDemoFiles(catalog: readonly DemoShow[]): DemoFile[] {
  const files: DemoFile[] = [];
  for (const show of catalog) {
    files.push({ path: `${show.slug}.xml`, content: renderFeed(show) });
    for (const episode of show.episodes) {
      const transcript = {
        version: "1.0.0",
        segments: episode.segments.map((s) => ({
          speaker: s.speaker,
          startTime: s.start,
          endTime: s.end,
          body: s.text,
        })),
      };
      files.push({
        path: `transcripts/${episode.guid}.json`,
        content: `${JSON.stringify(transcript, null, 2)}\n`,
      });
    }
  }
  return files;
}

function renderFeed(show: DemoShow): string {
  const items = show.episodes
    .map((episode) => {
      const published = new Date(DEMO_EPOCH - episode.publishedDaysAgo * DAY_MS).toUTCString();
      return `    <item>
      <guid isPermaLink="false">${xml(episode.guid)}</guid>
      <title>${xml(episode.title)}</title>
      <link>${xml(`${show.siteUrl}/${episode.guid}`)}</link>
      <pubDate>${published}</pubDate>
      <description>${xml(episode.description)}</description>
      <enclosure url="${xml(`${show.siteUrl}/audio/${episode.guid}.mp3`)}" length="${episode.durationSeconds * 16000}" type="audio/mpeg"/>
      <itunes:duration>${episode.durationSeconds}</itunes:duration>
      <podcast:transcript url="transcripts/${xml(episode.guid)}.json" type="application/json"/>
    </item>`;
    })
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- Demo feed written for Podbrief: a fictional show (generated from lib/demo/catalog.ts). -->
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0">
  <channel>
    <title>${xml(show.title)}</title>
    <link>${xml(show.siteUrl)}</link>
    <description>${xml(show.description)}</description>
    <language>${xml(show.language)}</language>
    <itunes:author>${xml(show.author)}</itunes:author>
${items}
  </channel>
</rss>
`;
}

function xml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}
