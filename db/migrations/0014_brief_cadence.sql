ALTER TABLE "briefs" ADD COLUMN "cadence" text DEFAULT 'daily' NOT NULL;--> statement-breakpoint
ALTER TABLE "profiles" ADD COLUMN "brief_cadence" text DEFAULT 'daily' NOT NULL;--> statement-breakpoint
ALTER TABLE "profiles" ADD COLUMN "brief_weekday" smallint DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_brief_cadence_check" CHECK ("profiles"."brief_cadence" in ('daily', 'weekdays', 'weekly'));--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_brief_weekday_check" CHECK ("profiles"."brief_weekday" between 0 and 6);