import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "../client";
import { type Segment, type Transcript, type TranscriptSource, transcripts } from "../schema";

// An episode's transcript: its segments (speaker, start, text) and the text they make.

export async function saveTranscript({
  episodeId,
  source,
  format,
  segments,
  contentHash,
}: {
  episodeId: string;
  source: TranscriptSource;
  format: string;
  segments: Segment[];
  contentHash: string;
}): Promise<void> {
  const db = await getDb();
  const text = segments.map((s) => s.text).join("\n");
  await db
    .insert(transcripts)
    .values({ episodeId, source, format, text, segments, contentHash })
    .onConflictDoUpdate({
      target: transcripts.episodeId,
      set: { source, format, text, segments, contentHash },
    });
}

export async function getTranscript({
  episodeId,
}: {
  episodeId: string;
}): Promise<Transcript | null> {
  const db = await getDb();
  const [row] = await db.select().from(transcripts).where(eq(transcripts.episodeId, episodeId));
  return row ?? null;
}
