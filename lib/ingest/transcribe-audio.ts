import { type TranscriptionModel, experimental_transcribe as transcribe } from "ai";
import type { Segment } from "@/db/schema";
import { fetchDocument } from "./fetch-document";

// Speech to text for an episode with no transcript, when an operator turned it on
// (TRANSCRIBE_AUDIO=true): the audio is downloaded through the safe fetcher, capped at 25 MB.

const CALL_TIMEOUT_MS = 5 * 60 * 1000;

export async function transcribeAudio(
  audioUrl: string,
  model: TranscriptionModel,
): Promise<Segment[]> {
  const fetched = await fetchDocument(audioUrl, "audio");
  if (fetched.status !== "ok")
    throw new Error("the audio server answered 304 to an unconditional request");
  const result = await transcribe({
    model,
    audio: new Uint8Array(fetched.bytes),
    maxRetries: 2,
    abortSignal: AbortSignal.timeout(CALL_TIMEOUT_MS),
  });
  const segments: Segment[] = result.segments
    .map((s) => ({ start: s.startSecond, end: s.endSecond, speaker: null, text: s.text.trim() }))
    .filter((s) => s.text !== "");
  if (segments.length > 0) return segments;
  const text = result.text.trim();
  if (text === "") throw new Error("speech-to-text heard no words in the audio");
  return [{ start: 0, end: result.durationInSeconds ?? null, speaker: null, text }];
}
