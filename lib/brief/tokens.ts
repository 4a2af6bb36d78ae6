import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/auth-secret";

// Signed links in the brief email, usable without signing in: who, what, which insight, until
// when. Anyone holding the link can do that one thing for that reader, and only until it expires.

export type BriefAction = "save" | "more" | "less" | "unsubscribe" | "view" | "cadence";
export type BriefToken = {
  userId: string;
  action: BriefAction;
  /** The insight acted on; for "view", the brief's local date (YYYY-MM-DD). */
  insightId: string | null;
  expiresAt: Date;
};

const ACTIONS = new Set<BriefAction>(["save", "more", "less", "unsubscribe", "view", "cadence"]);

/** The choices a one-click button records; "unsubscribe", "view" and "cadence" tokens are not one. */
export type BriefChoice = "save" | "more" | "less";
export function isBriefChoice(token: BriefToken | null): token is BriefToken & {
  action: BriefChoice;
  insightId: string;
} {
  return (
    token !== null &&
    (token.action === "save" || token.action === "more" || token.action === "less") &&
    token.insightId !== null
  );
}

function signature(payload: string): string {
  return createHmac("sha256", authSecret()).update(`brief:${payload}`).digest("base64url");
}

export function signBriefToken(token: BriefToken): string {
  const payload = Buffer.from(
    JSON.stringify([
      token.userId,
      token.action,
      token.insightId,
      Math.floor(token.expiresAt.getTime() / 1000),
    ]),
  ).toString("base64url");
  return `${payload}.${signature(payload)}`;
}

/** The token's content when the signature is ours and it has not expired; else null. */
export function verifyBriefToken(raw: unknown, now: Date = new Date()): BriefToken | null {
  if (typeof raw !== "string" || raw.length > 600) return null;
  const [payload, sig, extra] = raw.split(".");
  if (!payload || !sig || extra !== undefined) return null;
  const expected = Buffer.from(signature(payload));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const [userId, action, insightId, expires] = JSON.parse(
      Buffer.from(payload, "base64url").toString("utf8"),
    ) as [unknown, unknown, unknown, unknown];
    if (typeof userId !== "string" || !ACTIONS.has(action as BriefAction)) return null;
    if (insightId !== null && typeof insightId !== "string") return null;
    if (typeof expires !== "number" || expires * 1000 <= now.getTime()) return null;
    return {
      userId,
      action: action as BriefAction,
      insightId,
      expiresAt: new Date(expires * 1000),
    };
  } catch {
    return null;
  }
}

/**
 * The subject of a mailto unsubscribe: mail clients send it as written, and the webhook's
 * email.received finds the token in it (tokenFromSubject).
 */
export function unsubscribeSubject(token: string): string {
  return `unsubscribe ${token}`;
}

/** The token in a received subject ("Re: unsubscribe <token>" too), or null. */
export function tokenFromSubject(subject: string): string | null {
  return /\bunsubscribe\s+([\w-]+\.[\w-]+)/i.exec(subject)?.[1] ?? null;
}
