import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

/**
 * True when an Authorization header carries the cron secret. Compared in constant time over
 * hashes, so neither the secret's content nor its length leaks through timing.
 */
export function isCronAuthorized(authorization: string | null, secret = env.CRON_SECRET): boolean {
  if (!secret || !authorization?.startsWith("Bearer ")) return false;
  const given = createHash("sha256").update(authorization.slice("Bearer ".length)).digest();
  const expected = createHash("sha256").update(secret).digest();
  return timingSafeEqual(given, expected);
}
