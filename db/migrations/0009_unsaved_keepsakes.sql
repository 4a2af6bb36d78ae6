CREATE TABLE "unsaved_keepsakes" (
	"user_id" text NOT NULL,
	"insight_id" uuid NOT NULL,
	"note" text,
	"tag_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "unsaved_keepsakes_user_id_insight_id_pk" PRIMARY KEY("user_id","insight_id")
);
--> statement-breakpoint
ALTER TABLE "unsaved_keepsakes" ADD CONSTRAINT "unsaved_keepsakes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unsaved_keepsakes" ADD CONSTRAINT "unsaved_keepsakes_insight_id_insights_id_fk" FOREIGN KEY ("insight_id") REFERENCES "public"."insights"("id") ON DELETE cascade ON UPDATE no action;