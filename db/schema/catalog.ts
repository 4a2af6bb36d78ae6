import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, timestamptz } from "./columns";

// Shows, their episodes and the episodes' transcripts: what ingest produces.

export const podcasts = pgTable(
  "podcasts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    feedUrl: text("feed_url").notNull().unique(),
    title: text("title").notNull().default(""),
    author: text("author"),
    description: text("description"),
    imageUrl: text("image_url"),
    siteUrl: text("site_url"),
    language: text("language"),
    etag: text("etag"),
    lastModified: text("last_modified"),
    checkedAt: timestamptz("checked_at"),
    nextCheckAt: timestamptz("next_check_at").notNull().defaultNow(),
    leaseUntil: timestamptz("lease_until"),
    errorCount: integer("error_count").notNull().default(0),
    lastError: text("last_error"),
    /** What was wrong with the feed's text on the last read that still succeeded (bad bytes). */
    textIssue: text("text_issue"),
    blocked: boolean("blocked").notNull().default(false),
    locked: boolean("locked").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index("podcasts_next_check_at_idx").on(t.nextCheckAt)],
);

// archived: back catalog seen on a show's first check, stored but not worked on.
export type EpisodeStatus = "new" | "transcribed" | "summarized" | "failed" | "archived";

export type Chapter = { start: number; title: string; url?: string; image?: string };

/** A feed's podcast:soundbite: a range of the episode the publisher picked, in seconds. */
export type EpisodeSoundbite = { start: number; duration: number; title: string | null };

export const episodes = pgTable(
  "episodes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    podcastId: uuid("podcast_id")
      .notNull()
      .references(() => podcasts.id, { onDelete: "cascade" }),
    guid: text("guid").notNull(),
    title: text("title").notNull().default(""),
    link: text("link"),
    publishedAt: timestamptz("published_at"),
    audioUrl: text("audio_url"),
    durationSeconds: integer("duration_seconds"),
    imageUrl: text("image_url"),
    showNotesHtml: text("show_notes_html"),
    showNotesText: text("show_notes_text"),
    transcriptUrl: text("transcript_url"),
    transcriptType: text("transcript_type"),
    chaptersUrl: text("chapters_url"),
    chapters: jsonb("chapters").$type<Chapter[]>(),
    soundbites: jsonb("soundbites").$type<EpisodeSoundbite[]>(),
    status: text("status").$type<EpisodeStatus>().notNull().default("new"),
    failureReason: text("failure_reason"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamptz("next_attempt_at").notNull().defaultNow(),
    leaseUntil: timestamptz("lease_until"),
    tokenUsage: jsonb("token_usage").$type<{ input: number; output: number }>(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("episodes_podcast_guid_idx").on(t.podcastId, t.guid),
    index("episodes_status_idx").on(t.status, t.nextAttemptAt),
    index("episodes_published_at_idx").on(sql`${t.publishedAt} desc nulls last`),
  ],
);

export type TranscriptSource = "feed" | "show_notes" | "speech";

export type Segment = {
  start: number | null;
  end: number | null;
  speaker: string | null;
  text: string;
};

export const transcripts = pgTable("transcripts", {
  id: uuid("id").primaryKey().defaultRandom(),
  episodeId: uuid("episode_id")
    .notNull()
    .unique()
    .references(() => episodes.id, { onDelete: "cascade" }),
  source: text("source").$type<TranscriptSource>().notNull(),
  format: text("format").notNull(),
  text: text("text").notNull(),
  segments: jsonb("segments").$type<Segment[]>().notNull(),
  contentHash: text("content_hash").notNull(),
  createdAt: createdAt(),
});

export type Podcast = typeof podcasts.$inferSelect;
export type NewPodcast = typeof podcasts.$inferInsert;
export type Episode = typeof episodes.$inferSelect;
export type NewEpisode = typeof episodes.$inferInsert;
export type Transcript = typeof transcripts.$inferSelect;
