ALTER TABLE "saves" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE INDEX "saves_user_updated_idx" ON "saves" USING btree ("user_id","updated_at");--> statement-breakpoint
UPDATE "saves" SET "updated_at" = "created_at";--> statement-breakpoint
CREATE FUNCTION "saves_touch"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := clock_timestamp();
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "saves_touch" BEFORE UPDATE OF "note" ON "saves"
  FOR EACH ROW EXECUTE FUNCTION "saves_touch"();--> statement-breakpoint
CREATE FUNCTION "save_tags_touch"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE saves SET updated_at = clock_timestamp() WHERE id = COALESCE(NEW.save_id, OLD.save_id);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "save_tags_touch" AFTER INSERT OR DELETE ON "save_tags"
  FOR EACH ROW EXECUTE FUNCTION "save_tags_touch"();--> statement-breakpoint
CREATE FUNCTION "tags_touch"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE saves SET updated_at = clock_timestamp()
  WHERE id IN (SELECT save_id FROM save_tags WHERE tag_id = NEW.id);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "tags_touch" AFTER UPDATE OF "name" ON "tags"
  FOR EACH ROW EXECUTE FUNCTION "tags_touch"();
