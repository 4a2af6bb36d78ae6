import { type SQL, sql } from "drizzle-orm";
import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  uniqueIndex,
  uuid,
  vector,
} from "drizzle-orm/pg-core";
import { episodes } from "./catalog";
import { createdAt, EMBEDDING_DIMENSIONS, timestamptz, tsvector } from "./columns";

// Insights extracted from episodes, their topics, and the links between them.

export type Grounding = "exact" | "normalized" | "fuzzy";

export const insights = pgTable(
  "insights",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    episodeId: uuid("episode_id")
      .notNull()
      .references(() => episodes.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    headline: text("headline").notNull(),
    body: text("body").notNull(),
    quote: text("quote").notNull(),
    quoteStartS: real("quote_start_s"),
    speaker: text("speaker"),
    grounding: text("grounding").$type<Grounding>().notNull(),
    score: real("score").notNull().default(0),
    model: text("model").notNull(),
    promptVersion: text("prompt_version").notNull(),
    embedding: vector("embedding", { dimensions: EMBEDDING_DIMENSIONS }),
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('english'::regconfig, coalesce(${insights.headline}, '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(${insights.body}, '')), 'B') || setweight(to_tsvector('english'::regconfig, coalesce(${insights.quote}, '')), 'C')`,
    ),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("insights_episode_position_idx").on(t.episodeId, t.position),
    index("insights_created_at_idx").on(t.createdAt),
    // The feed's "best of the window" branch reads insights in score order.
    index("insights_score_idx").on(t.score.desc()),
    // The feed's followed-shows branch reads an episode's insights newest first.
    index("insights_episode_created_idx").on(t.episodeId, t.createdAt),
    index("insights_embedding_idx").using("hnsw", t.embedding.op("vector_cosine_ops")),
    index("insights_search_idx").using("gin", t.searchVector),
  ],
);

export const topics = pgTable("topics", {
  slug: text("slug").primaryKey(),
  label: text("label").notNull(),
});

export const insightTopics = pgTable(
  "insight_topics",
  {
    insightId: uuid("insight_id")
      .notNull()
      .references(() => insights.id, { onDelete: "cascade" }),
    topicSlug: text("topic_slug")
      .notNull()
      .references(() => topics.slug, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.insightId, t.topicSlug] }),
    index("insight_topics_topic_idx").on(t.topicSlug),
  ],
);

/** Near-duplicate insights across shows ("also said on …"), stored in both directions. */
export const insightLinks = pgTable(
  "insight_links",
  {
    insightId: uuid("insight_id")
      .notNull()
      .references(() => insights.id, { onDelete: "cascade" }),
    otherId: uuid("other_id")
      .notNull()
      .references(() => insights.id, { onDelete: "cascade" }),
    similarity: real("similarity").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.insightId, t.otherId] })],
);

/** One extraction per (transcript, model, prompt version): never paid for twice. */
export const extractionCache = pgTable("extraction_cache", {
  key: text("key").primaryKey(),
  model: text("model").notNull(),
  promptVersion: text("prompt_version").notNull(),
  status: text("status").$type<"pending" | "done">().notNull().default("pending"),
  /** The claim that may finish or release a pending row: a worker whose lease ran out cannot. */
  claimToken: text("claim_token"),
  leaseUntil: timestamptz("lease_until"),
  result: jsonb("result"),
  usage: jsonb("usage").$type<{ input: number; output: number }>(),
  createdAt: createdAt(),
});

export type Insight = typeof insights.$inferSelect;
export type NewInsight = typeof insights.$inferInsert;
export type Topic = typeof topics.$inferSelect;
