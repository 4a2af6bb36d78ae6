import "server-only";
import { z } from "zod";
import {
  type EpisodeInsight,
  type EpisodeRecord,
  getEpisode,
  getTranscriptSegments,
  listEpisodeInsights,
} from "@/db/queries/show-pages";
import { one, type SearchParams } from "@/lib/views/params";
import {
  passageAnchor,
  passageLines,
  type TranscriptView,
  transcriptView,
} from "@/lib/views/transcript-lines";

// An episode's page: the episode and its show, its insights in the order they are said (each
// linked to its passage in the transcript), its chapters, and its transcript, searchable.

export type EpisodeData = {
  episode: EpisodeRecord;
  insights: (EpisodeInsight & { passage: string | null })[];
  chapters: { start: number; title: string }[];
  transcript: (TranscriptView & { source: string }) | null;
};

const query = z.object({ q: one });

/** The episode by id, or null for an unknown or malformed id (the page is then not found). */
export async function findEpisode(id: string): Promise<EpisodeRecord | null> {
  return getEpisode({ id });
}

export async function readEpisode({
  id,
  params = {},
}: {
  id: string;
  params?: SearchParams;
}): Promise<EpisodeData | null> {
  const episode = await getEpisode({ id });
  if (!episode) return null;
  const [insights, stored] = await Promise.all([
    listEpisodeInsights({ episodeId: episode.id }),
    getTranscriptSegments({ episodeId: episode.id }),
  ]);
  const { q } = query.parse(params);
  const segments = stored?.segments ?? [];
  const firstLines = new Set(passageLines(segments, insights).firstLine.values());
  return {
    episode,
    insights: insights.map((insight) => ({
      ...insight,
      passage: firstLines.has(passageAnchor(insight.id)) ? passageAnchor(insight.id) : null,
    })),
    chapters: chaptersOf(episode.chapters),
    transcript: stored
      ? { source: stored.source, ...transcriptView({ segments, insights, q }) }
      : null,
  };
}

/** The chapters with a usable start and title, in order. Stored JSON from a feed: checked. */
export function chaptersOf(raw: unknown): { start: number; title: string }[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .flatMap((c) => {
      const start = typeof c?.start === "number" && Number.isFinite(c.start) ? c.start : null;
      const title = typeof c?.title === "string" ? c.title.trim() : "";
      return start !== null && start >= 0 && title ? [{ start, title }] : [];
    })
    .sort((a, b) => a.start - b.start);
}
