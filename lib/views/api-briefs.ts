import "server-only";
import type { z } from "zod";
import { listBriefs } from "@/db/queries/brief-history";
import { followedPodcastIds, getProfile } from "@/db/queries/profiles";
import { encodeApiCursor } from "@/lib/api/cursor";
import type { briefDetail, briefPage, showList, topicList } from "@/lib/api/schemas";
import type { Reader } from "@/lib/session";
import { topicChoices } from "@/lib/shared-lists";
import { apiInsightOf } from "@/lib/views/api-shape";
import { readBrief } from "@/lib/views/brief";
import { readPodcasts } from "@/lib/views/podcasts";

// The API's briefs, shows and topics.

const PAGE = 30;

export async function readApiBriefs({
  reader,
  cursor,
}: {
  reader: Reader;
  cursor?: string;
}): Promise<z.output<typeof briefPage>> {
  const rows = await listBriefs({ userId: reader.id, before: cursor, limit: PAGE + 1 });
  const page = rows.slice(0, PAGE);
  const last = page.at(-1);
  return {
    briefs: page.map((b) => ({
      date: b.localDate,
      status: b.status,
      subject: b.subject,
      item_count: b.itemCount,
    })),
    next_cursor: rows.length > PAGE && last ? encodeApiCursor("briefs", last.localDate) : null,
  };
}

/** The brief of one local date; null when the reader had none that day. */
export async function readApiBrief({
  reader,
  date,
}: {
  reader: Reader;
  date: string;
}): Promise<z.output<typeof briefDetail> | null> {
  const brief = await readBrief({ userId: reader.id, date });
  if (!brief) return null;
  return {
    date,
    status: brief.status,
    subject: brief.subject,
    reason: brief.reason,
    insights: brief.items.map((item) => ({
      ...apiInsightOf(item.card),
      reason: item.reason,
      saved: item.saved,
    })),
  };
}

export async function readApiShows({
  reader,
}: {
  reader: Reader;
}): Promise<z.output<typeof showList>> {
  const [shows, followed] = await Promise.all([
    readPodcasts(),
    followedPodcastIds({ userId: reader.id }),
  ]);
  const follows = new Set(followed);
  return {
    shows: shows.map((show) => ({
      id: show.id,
      title: show.title,
      image_url: show.imageUrl,
      episode_count: show.episodeCount,
      followed: follows.has(show.id),
    })),
  };
}

export async function readApiTopics({
  reader,
}: {
  reader: Reader;
}): Promise<z.output<typeof topicList>> {
  const [topics, profile] = await Promise.all([topicChoices(), getProfile({ userId: reader.id })]);
  const followed = new Set(profile?.followedTopics ?? []);
  return { topics: topics.map((t) => ({ ...t, followed: followed.has(t.slug) })) };
}
