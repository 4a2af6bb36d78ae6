import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
  vector,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { podcasts } from "./catalog";
import { createdAt, EMBEDDING_DIMENSIONS, timestamptz } from "./columns";
import { insights } from "./insights";

// What a reader chose (profile, follows), kept (saves, tags) and did (events).

/** How often the brief goes out: every local day, Monday to Friday, or once a week. */
export const BRIEF_CADENCES = ["daily", "weekdays", "weekly"] as const;
export type BriefCadence = (typeof BRIEF_CADENCES)[number];

export const profiles = pgTable(
  "profiles",
  {
    userId: text("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    interests: text("interests").notNull().default(""),
    /** The interests text embedded like insights are, so the feed can compare the two. */
    interestsEmbedding: vector("interests_embedding", { dimensions: EMBEDDING_DIMENSIONS }),
    followedTopics: text("followed_topics").array().notNull().default([]),
    timeZone: text("time_zone").notNull().default("UTC"),
    briefHour: smallint("brief_hour").notNull().default(7),
    briefEnabled: boolean("brief_enabled").notNull().default(true),
    briefCadence: text("brief_cadence").$type<BriefCadence>().notNull().default("daily"),
    /**
     * The weekly brief's local day, numbered as JavaScript's getDay() and PostgreSQL's
     * extract(dow): 0 = Sunday, 1 = Monday … 6 = Saturday. Kept when the cadence is not weekly.
     */
    briefWeekday: smallint("brief_weekday").notNull().default(1),
    unsubscribedAt: timestamptz("unsubscribed_at"),
    suppressedAt: timestamptz("suppressed_at"),
    onboardedAt: timestamptz("onboarded_at"),
    feedToken: text("feed_token").unique(),
    /** When feed_entries were ranked for this reader; null: rank again before showing. */
    feedBuiltAt: timestamptz("feed_built_at"),
    createdAt: createdAt(),
  },
  (t) => [
    check(
      "profiles_brief_cadence_check",
      sql`${t.briefCadence} in ('daily', 'weekdays', 'weekly')`,
    ),
    check("profiles_brief_weekday_check", sql`${t.briefWeekday} between 0 and 6`),
  ],
);

/**
 * The reader's ranked feed, stored when it is ranked (lib/feed.ts), so showing a page is one
 * indexed read. Ranked again when the reader's taste changes or newer insights exist.
 */
export const feedEntries = pgTable(
  "feed_entries",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    insightId: uuid("insight_id")
      .notNull()
      .references(() => insights.id, { onDelete: "cascade" }),
    reason: text("reason").notNull(),
    alsoOn: text("also_on").array().notNull().default([]),
    /** The insight's topics as ranked, so a page needs no join for them. */
    topics: jsonb("topics").$type<{ slug: string; label: string }[]>().notNull().default([]),
  },
  (t) => [primaryKey({ columns: [t.userId, t.position] })],
);

export const follows = pgTable(
  "follows",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    podcastId: uuid("podcast_id")
      .notNull()
      .references(() => podcasts.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.podcastId] })],
);

export const saves = pgTable(
  "saves",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    insightId: uuid("insight_id")
      .notNull()
      .references(() => insights.id, { onDelete: "cascade" }),
    note: text("note"),
    createdAt: createdAt(),
    /**
     * When the save, its note or its tags last changed: set by triggers (migration 0012) on the
     * note, on save_tags and on a tag's rename, so every path that changes them moves it.
     */
    updatedAt: timestamptz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("saves_user_insight_idx").on(t.userId, t.insightId),
    index("saves_user_updated_idx").on(t.userId, t.updatedAt),
  ],
);

export const tags = pgTable(
  "tags",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("tags_user_name_idx").on(t.userId, t.name)],
);

export const saveTags = pgTable(
  "save_tags",
  {
    saveId: uuid("save_id")
      .notNull()
      .references(() => saves.id, { onDelete: "cascade" }),
    tagId: uuid("tag_id")
      .notNull()
      .references(() => tags.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.saveId, t.tagId] })],
);

/**
 * What a reader had written on a save they removed: its note and tags, kept so that saving the
 * insight again brings them back. Unsaving never loses a note.
 */
export const unsavedKeepsakes = pgTable(
  "unsaved_keepsakes",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    insightId: uuid("insight_id")
      .notNull()
      .references(() => insights.id, { onDelete: "cascade" }),
    note: text("note"),
    tagIds: jsonb("tag_ids").$type<string[]>().notNull().default([]),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.insightId] })],
);

// view / open: seen in the app; delivered / opened / click: from the mail provider's webhook.
export type EventKind =
  | "view"
  | "open"
  | "save"
  | "dismiss"
  | "more"
  | "less"
  | "click"
  | "delivered"
  | "opened";

export const events = pgTable(
  "events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    insightId: uuid("insight_id").references(() => insights.id, { onDelete: "cascade" }),
    kind: text("kind").$type<EventKind>().notNull(),
    meta: jsonb("meta"),
    createdAt: createdAt(),
  },
  (t) => [index("events_user_created_idx").on(t.userId, t.createdAt)],
);

export type Profile = typeof profiles.$inferSelect;
export type Save = typeof saves.$inferSelect;
export type Tag = typeof tags.$inferSelect;

/**
 * A reader's API tokens, for the JSON API and the MCP server: only a SHA-256 of the secret is kept
 * (the reader sees the secret once). A revoked token stays listed, and refused.
 */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: createdAt(),
    lastUsedAt: timestamptz("last_used_at"),
    revokedAt: timestamptz("revoked_at"),
  },
  (t) => [index("api_tokens_user_idx").on(t.userId)],
);

export type ApiToken = typeof apiTokens.$inferSelect;
