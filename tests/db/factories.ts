import { getDb } from "@/db/client";
import { upsertEpisode, upsertPodcast } from "@/db/queries/catalog";
import { type NewInsightInput, replaceEpisodeInsights } from "@/db/queries/insight-writes";
import { upsertTopics } from "@/db/queries/topics";
import { users } from "@/db/schema";
import { TOPICS } from "@/lib/insights/topics";
import type { Reader } from "@/lib/session";

let counter = 0;

export async function givenEpisode({
  show = "Test Show",
  title = "An episode",
  publishedAt = new Date("2026-11-20T08:00:00Z"),
}: {
  show?: string;
  title?: string;
  publishedAt?: Date;
} = {}) {
  counter++;
  const podcastId = await upsertPodcast({
    podcast: { feedUrl: `https://example.com/${encodeURIComponent(show)}.xml`, title: show },
  });
  const episodeId = await upsertEpisode({
    episode: { podcastId, guid: `guid-${counter}`, title, publishedAt },
  });
  return { podcastId, episodeId };
}

export function anInsight(overrides: Partial<NewInsightInput> = {}): NewInsightInput {
  return {
    headline: "Write the decision down before the meeting ends",
    body: "A decision that is not written down is re-argued next week. Writing it in the meeting makes disagreement visible while everyone is still in the room.",
    quote: "If it isn't written down, it wasn't decided.",
    quoteStartS: 754,
    speaker: "Ada Example",
    grounding: "exact",
    score: 0.5,
    topics: ["leadership"],
    ...overrides,
  };
}

export async function givenInsights(episodeId: string, items: NewInsightInput[]) {
  await upsertTopics({ vocabulary: TOPICS });
  return replaceEpisodeInsights({ episodeId, model: "test", promptVersion: "t1", items });
}

/** A unit vector of the embedding's size pointing mostly along the given axes. */
export function vectorAlong(weights: Record<number, number>, dimensions = 384): number[] {
  const v = new Array<number>(dimensions).fill(0);
  for (const [axis, weight] of Object.entries(weights)) v[Number(axis)] = weight;
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}

/** A signed-in reader: a row in users, as Auth.js makes one on the first sign-in. */
export async function givenReader(name = "reader"): Promise<Reader> {
  counter++;
  const reader = { id: `user-${name}-${counter}`, email: `${name}-${counter}@example.com` };
  const db = await getDb();
  await db.insert(users).values(reader);
  return reader;
}
