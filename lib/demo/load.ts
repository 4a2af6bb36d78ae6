import { createHash } from "node:crypto";
import { countPodcasts, saveTranscript, upsertEpisode, upsertPodcast } from "@/db/queries/catalog";
import { replaceEpisodeInsights } from "@/db/queries/insights";
import { upsertTopics } from "@/db/queries/topics";
import type { Segment } from "@/db/schema";
import { localEmbedding } from "@/lib/insights/embedding";
import { groundQuote } from "@/lib/insights/grounding";
import { qualityScore } from "@/lib/insights/quality";
import { TOPICS } from "@/lib/insights/topics";
import { type DemoShow, demoCatalog } from "./catalog";

// Loads the bundled demo catalog so a fresh install shows a living feed offline.
// It writes through the same query functions ingest and summarize use, so swapping it for
// "ingest the demo feeds, then summarize them" later changes only this file.

const DAY_MS = 24 * 60 * 60 * 1000;
const NEVER = new Date("9999-12-31T00:00:00Z");

export type DemoLoadResult = { podcasts: number; episodes: number; insights: number };

/** Loads the demo catalog when the database has no shows yet. Returns null when it did nothing. */
export async function ensureDemoContent({ now = new Date() } = {}): Promise<DemoLoadResult | null> {
  if ((await countPodcasts()) > 0) return null;
  return loadDemoCatalog({ now });
}

export async function loadDemoCatalog({
  now = new Date(),
  catalog = demoCatalog,
}: {
  now?: Date;
  catalog?: readonly DemoShow[];
} = {}): Promise<DemoLoadResult> {
  await upsertTopics({ vocabulary: TOPICS });
  const result: DemoLoadResult = { podcasts: 0, episodes: 0, insights: 0 };
  for (const show of catalog) {
    const podcastId = await upsertPodcast({
      podcast: {
        feedUrl: show.feedUrl,
        title: show.title,
        author: show.author,
        description: show.description,
        siteUrl: show.siteUrl,
        language: show.language,
        checkedAt: now,
        // The demo shows have no real feed to check (their URLs are example.com placeholders).
        nextCheckAt: NEVER,
      },
    });
    result.podcasts++;
    for (const episode of show.episodes) {
      const segments: Segment[] = episode.segments;
      const episodeId = await upsertEpisode({
        episode: {
          podcastId,
          guid: episode.guid,
          title: episode.title,
          link: `${show.siteUrl}/${episode.guid}`,
          publishedAt: new Date(now.getTime() - episode.publishedDaysAgo * DAY_MS),
          durationSeconds: episode.durationSeconds,
          showNotesText: episode.description,
          status: "summarized",
        },
      });
      const text = segments.map((s) => s.text).join("\n");
      await saveTranscript({
        episodeId,
        source: "feed",
        format: "json",
        segments,
        contentHash: createHash("sha256").update(text).digest("hex"),
      });
      const items = episode.insights.map((insight) => {
        const grounded = groundQuote(insight.quote, segments);
        if (!grounded) {
          throw new Error(`demo insight "${insight.headline}" quotes words not in its transcript`);
        }
        return {
          headline: insight.headline,
          body: insight.body,
          quote: grounded.text,
          quoteStartS: grounded.segment.start,
          speaker: grounded.segment.speaker,
          grounding: grounded.level,
          score: qualityScore(insight),
          topics: insight.topics,
          embedding: localEmbedding(`${insight.headline}. ${insight.body}`),
        };
      });
      await replaceEpisodeInsights({ episodeId, model: "demo", promptVersion: "demo-1", items });
      result.episodes++;
      result.insights += items.length;
    }
  }
  return result;
}
