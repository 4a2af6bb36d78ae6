import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

describe("parseEnv", () => {
  it("gives the embedded defaults when nothing is set", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PGLITE_DIR).toBe(".data/pglite");
    expect(env.AI_PROVIDER).toBe("extractive");
    expect(env.INGEST_ALLOW_PRIVATE_NETWORK).toBe(false);
    expect(env.DEMO_CONTENT).toBe(true);
    expect(env.APP_URL).toBe("http://localhost:3000");
  });

  it("treats an empty value as unset, as a copied .env.example leaves them", () => {
    const env = parseEnv({ DATABASE_URL: "", PGLITE_DIR: "", RESEND_API_KEY: "" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PGLITE_DIR).toBe(".data/pglite");
    expect(env.RESEND_API_KEY).toBeUndefined();
  });

  it("accepts postgres URLs and boolean flags", () => {
    const env = parseEnv({
      DATABASE_URL: "postgresql://app:secret@db.internal:5432/podbrief",
      INGEST_ALLOW_PRIVATE_NETWORK: "true",
      DEMO_CONTENT: "0",
    });
    expect(env.DATABASE_URL).toBe("postgresql://app:secret@db.internal:5432/podbrief");
    expect(env.INGEST_ALLOW_PRIVATE_NETWORK).toBe(true);
    expect(env.DEMO_CONTENT).toBe(false);
  });

  it.each([
    ["DATABASE_URL", "mysql://localhost/db"],
    ["DATABASE_URL", "not a url"],
    ["APP_URL", "ftp://example.com"],
    ["AI_PROVIDER", "skynet"],
    ["INGEST_ALLOW_PRIVATE_NETWORK", "yes please"],
    ["CRON_SECRET", "short"],
  ])("rejects %s=%s with one line naming the setting", (setting, value) => {
    let error: unknown;
    try {
      parseEnv({ [setting]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as EnvError).message;
    expect(message.startsWith(`Invalid setting ${setting}:`)).toBe(true);
    expect(message).not.toContain("\n");
  });

  it.each([
    [{ AI_PROVIDER: "openai" }, "OPENAI_API_KEY"],
    [{ AI_PROVIDER: "anthropic" }, "ANTHROPIC_API_KEY"],
    [{ AI_PROVIDER: "openai-compatible", AI_MODEL: "llama3" }, "AI_BASE_URL"],
    [{ AI_PROVIDER: "openai-compatible", AI_BASE_URL: "http://localhost:11434/v1" }, "AI_MODEL"],
  ])("with %o names the missing %s", (settings, missing) => {
    expect(() => parseEnv(settings)).toThrow(
      new RegExp(`^Invalid setting ${missing}: is required`),
    );
  });

  it("refuses audio transcription without a provider that can do it", () => {
    expect(() => parseEnv({ TRANSCRIBE_AUDIO: "true" })).toThrow(
      /^Invalid setting TRANSCRIBE_AUDIO: needs AI_PROVIDER=openai/,
    );
    expect(() =>
      parseEnv({ TRANSCRIBE_AUDIO: "true", AI_PROVIDER: "anthropic", ANTHROPIC_API_KEY: "k" }),
    ).toThrow(EnvError);
    expect(
      parseEnv({ TRANSCRIBE_AUDIO: "true", AI_PROVIDER: "openai", OPENAI_API_KEY: "sk-test" })
        .TRANSCRIBE_AUDIO,
    ).toBe(true);
  });

  it("does not echo a database password back in the error", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://u:hunter2@host/db" })).toThrow(
      /^(?!.*hunter2).*DATABASE_URL/,
    );
  });
});
