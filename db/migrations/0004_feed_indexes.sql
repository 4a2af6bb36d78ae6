-- INCLUDE (hand-written; drizzle-kit does not emit it) lets the feed read these without the table.
CREATE INDEX "insights_score_idx" ON "insights" USING btree ("score" DESC NULLS LAST) INCLUDE ("created_at", "id");--> statement-breakpoint
CREATE INDEX "insights_episode_created_idx" ON "insights" USING btree ("episode_id","created_at") INCLUDE ("id");--> statement-breakpoint
-- Keep embeddings (1.5 kB) in the row instead of TOAST: ranking reads them for hundreds of rows
-- per request. Rows stored before this move when next written.
ALTER TABLE "insights" ALTER COLUMN "embedding" SET STORAGE MAIN;
