import { createOpenAI } from "@ai-sdk/openai";
import type { TranscriptionModel } from "ai";
import { env } from "@/lib/env";

// Which model does each AI task: one map, read from the settings. Tests put the AI SDK's mock
// models in through overrideModels, and nowhere else.

type Models = { transcription: TranscriptionModel | null };

let overrides: Partial<Models> = {};

export function overrideModels(next: Partial<Models>): void {
  overrides = { ...overrides, ...next };
}

export function resetModelOverrides(): void {
  overrides = {};
}

/** The speech-to-text model, or null when audio transcription is off (the default). */
export function transcriptionModel(): TranscriptionModel | null {
  if ("transcription" in overrides) return overrides.transcription ?? null;
  if (!env.TRANSCRIBE_AUDIO) return null;
  const openai = createOpenAI({ apiKey: env.OPENAI_API_KEY, baseURL: env.AI_BASE_URL });
  return openai.transcription(env.AI_TRANSCRIPTION_MODEL);
}
