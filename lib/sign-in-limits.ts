import { hitRateLimit, peekRateLimit, pruneRateLimits } from "@/db/queries/rate-limits";
import { AppError } from "@/lib/errors";

// Sign-in emails cost money and can be used to pester someone, so they are limited per address
// and per client. The counters live in PostgreSQL, so every app instance sees the same count.

export const SIGN_IN_LIMITS = {
  perAddress: { limit: 5, windowSeconds: 3600 },
  perClient: { limit: 20, windowSeconds: 3600 },
} as const;

/**
 * The client's address as the proxy in front of us saw it: the last X-Forwarded-For hop (the one
 * the proxy appended; earlier hops are whatever the client sent), else X-Real-IP, else "unknown".
 */
export function clientAddress(headers: Headers): string {
  const hops = headers.get("x-forwarded-for")?.split(",") ?? [];
  return hops.at(-1)?.trim() || headers.get("x-real-ip")?.trim() || "unknown";
}

/** One mailbox, however it is spelled: case and "+tag" sub-addresses count as the address. */
export function mailboxKey(email: string): string {
  const [local = "", domain = ""] = email.trim().toLowerCase().split("@");
  return `${local.split("+")[0]}@${domain}`;
}

/** Throws AppError("rate_limited") when this email or this client asked for too many links. */
export async function checkSignInLimits({
  email,
  client,
  now,
}: {
  email: string;
  client: string;
  now?: Date;
}): Promise<void> {
  const [address, perClient] = limitsFor(email, client);
  const byAddress = await hitRateLimit({ ...address, now });
  const byClient = await hitRateLimit({ ...perClient, now });
  // A new window began: drop the old ones, so the table stays small.
  if (byAddress.count === 1) await pruneRateLimits({ now });
  const blocked = [byAddress, byClient].find((hit) => !hit.allowed);
  if (blocked) throw new AppError("rate_limited:sign-in", tooMany(blocked.retryAfterSeconds));
}

/**
 * What to tell a person whose link was not sent because of the limits, or null when the limits
 * were not what stopped it. Counts nothing: the attempt was counted when it was made.
 */
export async function signInLimitMessage({
  email,
  client,
  now,
}: {
  email: string;
  client: string;
  now?: Date;
}): Promise<string | null> {
  const hits = await Promise.all(
    limitsFor(email, client).map((limit) => peekRateLimit({ ...limit, now })),
  );
  const blocked = hits.find((hit) => !hit.allowed);
  return blocked ? tooMany(blocked.retryAfterSeconds) : null;
}

/** The two counters a sign-in link is held to: its mailbox's and its client's. */
function limitsFor(email: string, client: string) {
  return [
    { key: `sign-in:email:${mailboxKey(email)}`, ...SIGN_IN_LIMITS.perAddress },
    { key: `sign-in:client:${client}`, ...SIGN_IN_LIMITS.perClient },
  ] as const;
}

function tooMany(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many sign-in emails requested, so none was sent. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
