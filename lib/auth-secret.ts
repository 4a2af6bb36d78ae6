import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { EnvError, env } from "@/lib/env";

// AUTH_SECRET signs sessions and the brief's one-click links. Production must set it; on a
// developer's machine one is made once and kept in .data/, so sessions survive a restart.

const LOCAL_SECRET_FILE = path.join(process.cwd(), ".data", "auth-secret");

let cached: string | undefined;

export function authSecret(): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (env.NODE_ENV === "production") {
    throw new EnvError(
      "AUTH_SECRET",
      "is required in production (at least 32 characters, e.g. openssl rand -base64 32)",
    );
  }
  cached ??= readOrCreateLocalSecret();
  return cached;
}

function readOrCreateLocalSecret(): string {
  try {
    const stored = readFileSync(LOCAL_SECRET_FILE, "utf8").trim();
    if (stored.length >= 32) return stored;
  } catch {
    // first run: made below
  }
  const secret = randomBytes(32).toString("base64url");
  mkdirSync(path.dirname(LOCAL_SECRET_FILE), { recursive: true });
  writeFileSync(LOCAL_SECRET_FILE, `${secret}\n`, { mode: 0o600 });
  return secret;
}
