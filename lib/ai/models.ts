import { createAnthropic } from "@ai-sdk/anthropic";
import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { EmbeddingModel, LanguageModel, TranscriptionModel } from "ai";
import { EMBEDDING_DIMENSIONS } from "@/db/schema/columns";
import { env } from "@/lib/env";

// Which model does each AI task: one map, read from the settings. Tests put the AI SDK's mock
// models in through overrideModels, and nowhere else.

/** A model, its id for caches and records, and (for language models) how much it reads at once. */
export type NamedModel<T> = { model: T; id: string; contextTokens?: number };

type Models = {
  /** Insight extraction; null means the offline extractive summarizer. */
  language: NamedModel<LanguageModel> | null;
  /** Insight embeddings; null means the local hashed embedding. */
  embedding: NamedModel<EmbeddingModel> | null;
  /** Speech-to-text; null means off (the default). */
  transcription: TranscriptionModel | null;
};

const DEFAULT_MODELS = { openai: "gpt-4.1-mini", anthropic: "claude-sonnet-4-5" } as const;
const OPENAI_EMBEDDING_MODEL = "text-embedding-3-small";

let overrides: Partial<Models> = {};

export function overrideModels(next: Partial<Models>): void {
  overrides = { ...overrides, ...next };
}

export function resetModelOverrides(): void {
  overrides = {};
}

export function languageModel(): Models["language"] {
  if ("language" in overrides) return overrides.language ?? null;
  switch (env.AI_PROVIDER) {
    case "extractive":
      return null;
    case "openai": {
      const id = env.AI_MODEL ?? DEFAULT_MODELS.openai;
      const context = id.startsWith("gpt-4.1") ? 1_000_000 : 128_000;
      return {
        model: openai()(id),
        id: `openai:${id}`,
        contextTokens: env.AI_CONTEXT_TOKENS ?? context,
      };
    }
    case "anthropic": {
      const id = env.AI_MODEL ?? DEFAULT_MODELS.anthropic;
      const anthropic = createAnthropic({
        apiKey: env.ANTHROPIC_API_KEY,
        baseURL: env.AI_BASE_URL,
      });
      return {
        model: anthropic(id),
        id: `anthropic:${id}`,
        contextTokens: env.AI_CONTEXT_TOKENS ?? 200_000,
      };
    }
    case "openai-compatible": {
      const id = env.AI_MODEL ?? "";
      const provider = createOpenAICompatible({
        name: "compatible",
        baseURL: env.AI_BASE_URL ?? "",
        apiKey: env.OPENAI_API_KEY,
      });
      return {
        model: provider(id),
        id: `openai-compatible:${id}`,
        contextTokens: env.AI_CONTEXT_TOKENS ?? 32_000,
      };
    }
  }
}

/**
 * OpenAI's embedding model, shortened to our column's dimensions. Other providers have no
 * embedding model we can size to match, so they use the local embedding.
 */
export function embeddingModel(): Models["embedding"] {
  if ("embedding" in overrides) return overrides.embedding ?? null;
  if (env.AI_PROVIDER !== "openai") return null;
  return {
    model: openai().embedding(OPENAI_EMBEDDING_MODEL),
    id: `openai:${OPENAI_EMBEDDING_MODEL}@${EMBEDDING_DIMENSIONS}`,
  };
}

export function transcriptionModel(): Models["transcription"] {
  if ("transcription" in overrides) return overrides.transcription ?? null;
  if (!env.TRANSCRIBE_AUDIO) return null;
  return openai().transcription(env.AI_TRANSCRIPTION_MODEL);
}

function openai() {
  return createOpenAI({ apiKey: env.OPENAI_API_KEY, baseURL: env.AI_BASE_URL });
}
