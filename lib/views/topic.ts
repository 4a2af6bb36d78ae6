import "server-only";
import { z } from "zod";
import { bestInsightsOnTopic, type InsightCard } from "@/db/queries/insights";
import { getProfile } from "@/db/queries/profiles";
import { saveStates } from "@/db/queries/saves";
import { getTopic } from "@/db/queries/topics";
import { insightsRss } from "@/lib/export/rss";
import { pageUrl } from "@/lib/page-url";
import type { Reader } from "@/lib/session";
import { one } from "@/lib/views/params";

// A topic's page and feed: the best insights on the topic from the last 30 days, highest score
// first, a page at a time. Public: the same for everyone, plus whether a reader follows it.

export const TOPIC_WINDOW_DAYS = 30;
export const TOPIC_PAGE_SIZE = 20;
const MAX_PAGE = 50;
// Slugs of the vocabulary: lowercase words and hyphens. Anything else names no topic.
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const topicParams = z.object({ page: one });

export type TopicData = {
  topic: { slug: string; label: string };
  insights: InsightCard[];
  page: number;
  prevHref: string | null;
  nextHref: string | null;
  /** The reader's saved insights among these. */
  savedIds: string[];
  /** Whether the reader follows the topic; null for a visitor. */
  following: boolean | null;
  path: string;
  feedUrl: string;
};

function pageNumber(raw: string | undefined): number {
  const page = raw && /^\d{1,3}$/.test(raw) ? Number(raw) : 1;
  return Math.min(Math.max(page, 1), MAX_PAGE);
}

function windowStart(now: Date): Date {
  return new Date(now.getTime() - TOPIC_WINDOW_DAYS * 86_400_000);
}

async function findTopic(slug: string) {
  return slug.length <= 60 && SLUG.test(slug) ? getTopic({ slug }) : null;
}

export type TopicHead = { topic: { slug: string; label: string }; path: string; feedUrl: string };

/** What a topic page's head names (title, feed); null when the slug names no topic. */
export async function readTopicHead(slug: string): Promise<TopicHead | null> {
  const topic = await findTopic(slug);
  if (!topic) return null;
  const path = `/topics/${topic.slug}`;
  return { topic, path, feedUrl: pageUrl(`${path}/feed.xml`) };
}

/** The topic's page; null when the slug names no topic. */
export async function readTopic({
  slug,
  reader,
  params = {},
  now = new Date(),
}: {
  slug: string;
  reader: Reader | null;
  params?: z.output<typeof topicParams>;
  now?: Date;
}): Promise<TopicData | null> {
  const topic = await findTopic(slug);
  if (!topic) return null;
  const page = pageNumber(params.page);
  const [rows, profile] = await Promise.all([
    bestInsightsOnTopic({
      slug: topic.slug,
      since: windowStart(now),
      limit: TOPIC_PAGE_SIZE + 1,
      offset: (page - 1) * TOPIC_PAGE_SIZE,
    }),
    reader ? getProfile({ userId: reader.id }) : null,
  ]);
  const insights = rows.slice(0, TOPIC_PAGE_SIZE);
  const saved = reader
    ? await saveStates({ userId: reader.id, insightIds: insights.map((i) => i.id) })
    : new Map();
  const path = `/topics/${topic.slug}`;
  const more = rows.length > TOPIC_PAGE_SIZE && page < MAX_PAGE;
  return {
    topic,
    insights,
    savedIds: [...saved.keys()],
    page,
    prevHref: page > 1 ? (page === 2 ? path : `${path}?page=${page - 1}`) : null,
    nextHref: more ? `${path}?page=${page + 1}` : null,
    following: reader ? (profile?.followedTopics ?? []).includes(topic.slug) : null,
    path,
    feedUrl: pageUrl(`${path}/feed.xml`),
  };
}

/** The topic's feed (its first page) as RSS; null when the slug names no topic. */
export async function readTopicFeed({
  slug,
  now = new Date(),
}: {
  slug: string;
  now?: Date;
}): Promise<string | null> {
  const topic = await findTopic(slug);
  if (!topic) return null;
  const rows = await bestInsightsOnTopic({
    slug: topic.slug,
    since: windowStart(now),
    limit: TOPIC_PAGE_SIZE,
  });
  const path = `/topics/${topic.slug}`;
  return insightsRss(
    rows.map((row) => ({
      headline: row.headline,
      body: row.body,
      quote: row.quote,
      speaker: row.speaker,
      url: pageUrl(`/insights/${row.id}`),
      date: row.episode.publishedAt ?? row.createdAt,
      categories: row.topics.map((t) => t.label),
    })),
    {
      title: `${topic.label} · Podbrief`,
      link: pageUrl(path),
      selfUrl: pageUrl(`${path}/feed.xml`),
      description: `The best podcast insights on ${topic.label} from the last ${TOPIC_WINDOW_DAYS} days, by Podbrief.`,
    },
  );
}
