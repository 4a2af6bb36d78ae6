import { customType, timestamp } from "drizzle-orm/pg-core";

/** Dimensions of every insight embedding (local hashed embedding and provider models alike). */
export const EMBEDDING_DIMENSIONS = 384;

export const createdAt = () =>
  timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();

export const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const tsvector = customType<{ data: string }>({
  dataType: () => "tsvector",
});
