import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { createdAt, timestamptz } from "./columns";
import { insights } from "./insights";
import type { BriefCadence } from "./readers";

// Daily briefs, the emails stored instead of sent, and provider webhooks seen.

export type BriefStatus = "pending" | "sending" | "sent" | "skipped" | "failed";

export const briefs = pgTable(
  "briefs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    localDate: date("local_date", { mode: "string" }).notNull(),
    status: text("status").$type<BriefStatus>().notNull().default("pending"),
    /** The reader's cadence when the brief was made: what it covers (a day, or a week). */
    cadence: text("cadence").$type<BriefCadence>().notNull().default("daily"),
    reason: text("reason"),
    /** The email as rendered, stored before sending: a retry sends exactly these bytes. */
    recipient: text("recipient"),
    subject: text("subject"),
    headers: jsonb("headers").$type<Record<string, string>>(),
    html: text("html"),
    text: text("text"),
    htmlHash: text("html_hash"),
    batchId: text("batch_id"),
    providerId: text("provider_id"),
    attempts: integer("attempts").notNull().default(0),
    leaseUntil: timestamptz("lease_until"),
    sentAt: timestamptz("sent_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("briefs_user_date_idx").on(t.userId, t.localDate),
    index("briefs_status_idx").on(t.status, t.leaseUntil),
    index("briefs_batch_idx").on(t.batchId),
    index("briefs_provider_idx").on(t.providerId),
  ],
);

export const briefItems = pgTable(
  "brief_items",
  {
    briefId: uuid("brief_id")
      .notNull()
      .references(() => briefs.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    insightId: uuid("insight_id")
      .notNull()
      .references(() => insights.id, { onDelete: "cascade" }),
    kind: text("kind").$type<"top" | "resurfaced">().notNull().default("top"),
    reason: text("reason"),
  },
  (t) => [primaryKey({ columns: [t.briefId, t.position] })],
);

export const outbox = pgTable("outbox", {
  id: uuid("id").primaryKey().defaultRandom(),
  to: text("to").notNull(),
  from: text("from").notNull(),
  subject: text("subject").notNull(),
  html: text("html"),
  text: text("text"),
  headers: jsonb("headers").$type<Record<string, string>>(),
  kind: text("kind").notNull(),
  /** A batch retried with the same idempotency key stores each email once. */
  dedupeKey: text("dedupe_key").unique(),
  createdAt: createdAt(),
});

export const webhookEvents = pgTable(
  "webhook_events",
  {
    id: text("id").primaryKey(),
    type: text("type").notNull(),
    payload: jsonb("payload"),
    receivedAt: timestamptz("received_at").notNull().defaultNow(),
  },
  (t) => [index("webhook_events_received_at_idx").on(t.receivedAt)],
);

export type Brief = typeof briefs.$inferSelect;
export type OutboxEmail = typeof outbox.$inferSelect;
