import { z } from "zod";

// The only reader of process.env. Every setting is documented in .env.example.

const emptyAsUnset = (value: unknown) => (value === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyAsUnset, schema.optional());
const withDefault = <T extends z.ZodType>(schema: T, fallback: z.input<T>) =>
  z.preprocess(emptyAsUnset, schema.prefault(fallback as never));

const flag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

const postgresUrl = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return (
        (url.protocol === "postgres:" || url.protocol === "postgresql:") && url.hostname !== ""
      );
    } catch {
      return false;
    }
  },
  { message: "must be a postgres:// or postgresql:// URL with a host" },
);

const envSchema = z
  .object({
    NODE_ENV: withDefault(z.enum(["development", "production", "test"]), "development"),
    DATABASE_URL: optional(postgresUrl),
    PGLITE_DIR: withDefault(z.string(), ".data/pglite"),
    DEMO_CONTENT: withDefault(flag, "true"),
    APP_URL: withDefault(z.url({ protocol: /^https?$/ }), "http://localhost:3000"),
    AUTH_SECRET: optional(z.string().min(32, "must be at least 32 characters")),
    CRON_SECRET: optional(z.string().min(16, "must be at least 16 characters")),
    AI_PROVIDER: withDefault(
      z.enum(["extractive", "openai", "anthropic", "openai-compatible"]),
      "extractive",
    ),
    AI_MODEL: optional(z.string()),
    AI_CONTEXT_TOKENS: optional(z.coerce.number().int().min(4_000).max(10_000_000)),
    OPENAI_API_KEY: optional(z.string()),
    ANTHROPIC_API_KEY: optional(z.string()),
    AI_BASE_URL: optional(z.url({ protocol: /^https?$/ })),
    RESEND_API_KEY: optional(z.string().startsWith("re_", "must start with re_")),
    RESEND_BASE_URL: optional(z.url({ protocol: /^https?$/ })),
    RESEND_WEBHOOK_SECRET: optional(z.string().startsWith("whsec_", "must start with whsec_")),
    EMAIL_FROM: withDefault(z.string(), "Podbrief <brief@localhost>"),
    UNSUBSCRIBE_MAILTO: optional(z.email()),
    AUTH_GITHUB_ID: optional(z.string()),
    AUTH_GITHUB_SECRET: optional(z.string()),
    INGEST_ALLOW_PRIVATE_NETWORK: withDefault(flag, "false"),
    INGEST_TIMEOUT_SECONDS: withDefault(z.coerce.number().int().min(1).max(300), "20"),
    TRANSCRIBE_AUDIO: withDefault(flag, "false"),
    API_REQUESTS_PER_MINUTE: withDefault(z.coerce.number().int().min(1).max(1_000_000), "120"),
    AI_TRANSCRIPTION_MODEL: withDefault(z.string(), "whisper-1"),
    PODCAST_DIRECTORY_URL: optional(z.url({ protocol: /^https?$/ })),
    PODCASTINDEX_KEY: optional(z.string()),
    PODCASTINDEX_SECRET: optional(z.string()),
  })
  .superRefine((settings, context) => {
    const required = (setting: string, message: string) =>
      context.addIssue({ code: "custom", path: [setting], message });
    if (settings.AI_PROVIDER === "openai" && !settings.OPENAI_API_KEY) {
      required("OPENAI_API_KEY", "is required with AI_PROVIDER=openai");
    }
    if (settings.AI_PROVIDER === "anthropic" && !settings.ANTHROPIC_API_KEY) {
      required("ANTHROPIC_API_KEY", "is required with AI_PROVIDER=anthropic");
    }
    if (settings.AI_PROVIDER === "openai-compatible" && !settings.AI_BASE_URL) {
      required(
        "AI_BASE_URL",
        "is required with AI_PROVIDER=openai-compatible (e.g. http://localhost:11434/v1)",
      );
    }
    if (settings.AI_PROVIDER === "openai-compatible" && !settings.AI_MODEL) {
      required(
        "AI_MODEL",
        "is required with AI_PROVIDER=openai-compatible (the server's model name)",
      );
    }
    if (Boolean(settings.AUTH_GITHUB_ID) !== Boolean(settings.AUTH_GITHUB_SECRET)) {
      const missing = settings.AUTH_GITHUB_ID ? "AUTH_GITHUB_SECRET" : "AUTH_GITHUB_ID";
      required(missing, "is required with the other AUTH_GITHUB_* setting (GitHub sign-in)");
    }
    if (Boolean(settings.PODCASTINDEX_KEY) !== Boolean(settings.PODCASTINDEX_SECRET)) {
      const missing = settings.PODCASTINDEX_KEY ? "PODCASTINDEX_SECRET" : "PODCASTINDEX_KEY";
      required(missing, "is required with the other PODCASTINDEX_* setting (show search)");
    }
    // Speech-to-text goes through OpenAI's transcription API (or a server that speaks it).
    const speaksOpenAi =
      settings.AI_PROVIDER === "openai" || settings.AI_PROVIDER === "openai-compatible";
    if (settings.TRANSCRIBE_AUDIO && (!speaksOpenAi || !settings.OPENAI_API_KEY)) {
      context.addIssue({
        code: "custom",
        path: ["TRANSCRIBE_AUDIO"],
        message: "needs AI_PROVIDER=openai (or openai-compatible) and OPENAI_API_KEY",
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(
    readonly setting: string,
    readonly problem: string,
  ) {
    super(`Invalid setting ${setting}: ${problem} (see .env.example)`);
    this.name = "EnvError";
  }
}

/** Parses settings from a plain object; throws EnvError naming the first bad setting. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const setting = String(issue?.path[0] ?? "environment");
  throw new EnvError(setting, issue?.message ?? "is invalid");
}

export const env: Env = parseEnv(process.env);
