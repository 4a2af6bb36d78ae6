import { createHash } from "node:crypto";
import { advanceEpisode, recordEpisodeFailure } from "@/db/queries/episodes";
import { saveTranscript } from "@/db/queries/transcripts";
import type { Chapter, Episode, Segment, TranscriptSource } from "@/db/schema";
import { transcriptionModel } from "@/lib/ai/models";
import { publicReason } from "@/lib/public-reason";
import { after, backoffMs, givesUp } from "@/lib/work/units";
import { parseChaptersJson } from "./chapters";
import { fetchDocument } from "./fetch-document";
import { transcribeAudio } from "./transcribe-audio";
import { readTranscript, transcriptFormatOf } from "./transcripts";

// Second stage of ingest: give a new episode its text. The feed's transcript when it has one;
// otherwise, or when the transcript cannot be had after a few tries, speech-to-text of the audio
// when that is turned on, and the show notes as the last resort.

export type TranscribeOutcome = {
  episodeId: string;
  status: "transcribed" | "retry" | "failed";
  source?: TranscriptSource;
  error?: string;
};

export async function transcribeEpisode(episode: Episode, now: Date): Promise<TranscribeOutcome> {
  const chapters = await loadChapters(episode);
  let transcriptError: string | undefined;
  if (episode.transcriptUrl) {
    try {
      const { segments, format } = await loadTranscript(
        episode.transcriptUrl,
        episode.transcriptType,
      );
      await store(episode, segments, "feed", format, chapters);
      return { episodeId: episode.id, status: "transcribed", source: "feed" };
    } catch (error) {
      transcriptError = `transcript: ${publicReason(error, "reading the transcript")}`;
      if (!givesUp("transcript", episode.attempts)) {
        await recordEpisodeFailure({
          episodeId: episode.id,
          reason: transcriptError,
          nextAttemptAt: after(now, backoffMs("transcript", episode.attempts)),
          final: false,
        });
        return { episodeId: episode.id, status: "retry", error: transcriptError };
      }
    }
  }
  const speechModel = transcriptionModel();
  if (speechModel && episode.audioUrl) {
    try {
      const segments = await transcribeAudio(episode.audioUrl, speechModel);
      await store(episode, segments, "speech", "speech", chapters);
      return { episodeId: episode.id, status: "transcribed", source: "speech" };
    } catch (error) {
      const reason = `audio transcription: ${publicReason(error, "transcribing the audio")}`;
      transcriptError = transcriptError ? `${transcriptError}; ${reason}` : reason;
    }
  }
  const notes = episode.showNotesText?.trim();
  if (notes) {
    const segments = notes
      .split("\n")
      .map((text) => ({ start: null, end: null, speaker: null, text }));
    await store(episode, segments, "show_notes", "text", chapters);
    return {
      episodeId: episode.id,
      status: "transcribed",
      source: "show_notes",
      error: transcriptError,
    };
  }
  const reason = transcriptError ?? "the episode has no transcript and no show notes";
  await recordEpisodeFailure({ episodeId: episode.id, reason, nextAttemptAt: now, final: true });
  return { episodeId: episode.id, status: "failed", error: reason };
}

async function loadTranscript(
  url: string,
  type: string | null,
): Promise<ReturnType<typeof readTranscript>> {
  const fetched = await fetchDocument(url, "transcript");
  if (fetched.status !== "ok")
    throw new Error("the server answered 304 to an unconditional request");
  const format = transcriptFormatOf(type ?? fetched.contentType, url) ?? "text";
  return readTranscript(fetched.body, format);
}

/** Chapters are a nice-to-have: a broken chapters file never holds an episode back. */
async function loadChapters(episode: Episode): Promise<Chapter[] | null | undefined> {
  if (!episode.chaptersUrl || (episode.chapters && episode.chapters.length > 0)) return undefined;
  try {
    const fetched = await fetchDocument(episode.chaptersUrl, "chapters");
    return fetched.status === "ok" ? parseChaptersJson(fetched.body) : undefined;
  } catch {
    return undefined;
  }
}

async function store(
  episode: Episode,
  segments: Segment[],
  source: TranscriptSource,
  format: string,
  chapters: Chapter[] | null | undefined,
): Promise<void> {
  // PostgreSQL text cannot hold NUL; transcripts from the wild sometimes carry one.
  const clean = segments.map((s) => ({ ...s, text: s.text.replaceAll("\u0000", "") }));
  const text = clean.map((s) => s.text).join("\n");
  await saveTranscript({
    episodeId: episode.id,
    source,
    format,
    segments: clean,
    contentHash: createHash("sha256").update(text).digest("hex"),
  });
  await advanceEpisode({ episodeId: episode.id, status: "transcribed", chapters });
}
