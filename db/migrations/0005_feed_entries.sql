CREATE TABLE "feed_entries" (
	"user_id" text NOT NULL,
	"position" integer NOT NULL,
	"insight_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"also_on" text[] DEFAULT '{}' NOT NULL,
	"topics" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "feed_entries_user_id_position_pk" PRIMARY KEY("user_id","position")
);
--> statement-breakpoint
ALTER TABLE "profiles" ADD COLUMN "feed_built_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "feed_entries" ADD CONSTRAINT "feed_entries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feed_entries" ADD CONSTRAINT "feed_entries_insight_id_insights_id_fk" FOREIGN KEY ("insight_id") REFERENCES "public"."insights"("id") ON DELETE cascade ON UPDATE no action;