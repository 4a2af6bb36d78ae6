ALTER TABLE "briefs" ADD COLUMN "recipient" text;--> statement-breakpoint
ALTER TABLE "briefs" ADD COLUMN "headers" jsonb;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "dedupe_key" text;--> statement-breakpoint
CREATE INDEX "briefs_status_idx" ON "briefs" USING btree ("status","lease_until");--> statement-breakpoint
CREATE INDEX "briefs_batch_idx" ON "briefs" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "briefs_provider_idx" ON "briefs" USING btree ("provider_id");--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_dedupe_key_unique" UNIQUE("dedupe_key");