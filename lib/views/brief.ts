import "server-only";
import { briefForDate } from "@/db/queries/brief-history";
import { getInsight, type InsightCard, insightCardsByIds } from "@/db/queries/insights";
import { getProfile } from "@/db/queries/profiles";
import { saveStates } from "@/db/queries/saves";
import { type BriefCadence, cadenceSentence, localDateIn } from "@/lib/brief/cadence";
import { chooseBriefItems } from "@/lib/brief/compose";
import {
  type BriefChoice,
  type BriefToken,
  isBriefChoice,
  verifyBriefToken,
} from "@/lib/brief/tokens";
import type { Reader } from "@/lib/session";

// One day's brief as the web shows it, the next brief's preview on /settings, and the page a
// brief's one-click button lands on.

export type BriefData = {
  subject: string | null;
  /** A weekly brief: its page names the week, not the day. */
  weekly: boolean;
  status: string;
  reason: string | null;
  items: { card: InsightCard; reason: string | null; saved: boolean }[];
};

/** The reader's brief of a local date, in the email's order; null when there was none. */
export async function readBrief({
  userId,
  date,
}: {
  userId: string;
  date: string;
}): Promise<BriefData | null> {
  const brief = await briefForDate({ userId, localDate: date });
  if (!brief) return null;
  const ids = brief.items.map((item) => item.insightId);
  const [cards, saved] = await Promise.all([
    insightCardsByIds({ ids }),
    saveStates({ userId, insightIds: ids }),
  ]);
  const reasons = new Map(brief.items.map((item) => [item.insightId, item.reason]));
  return {
    subject: brief.subject,
    weekly: brief.cadence === "weekly",
    status: brief.status,
    reason: brief.reason,
    items: cards.map((card) => ({
      card,
      reason: reasons.get(card.id) ?? null,
      saved: saved.has(card.id),
    })),
  };
}

export type BriefPreview =
  | { kind: "quiet"; reason: string }
  | { kind: "brief"; items: { id: string; headline: string; podcastTitle: string }[] };

/** What the reader's brief would hold if it went out now. */
export async function readBriefPreview({
  reader,
  followedTopics,
  cadence = "daily",
  timeZone = "UTC",
}: {
  reader: Reader;
  followedTopics: string[];
  cadence?: BriefCadence;
  timeZone?: string;
}): Promise<BriefPreview> {
  const now = new Date();
  const preview = await chooseBriefItems({
    userId: reader.id,
    followedTopics,
    cadence,
    localDate: localDateIn(now, timeZone),
    now,
  });
  if (preview.kind === "quiet") return preview;
  const cards = await insightCardsByIds({ ids: preview.picks.map((p) => p.insightId) });
  return {
    kind: "brief",
    items: cards.map((c) => ({ id: c.id, headline: c.headline, podcastTitle: c.podcast.title })),
  };
}

/** A brief's one-click choice (save, more, less) and its insight; null for a bad link. */
export async function readBriefChoice(t: string): Promise<{
  token: BriefToken & { action: BriefChoice; insightId: string };
  insight: InsightCard;
} | null> {
  const verified = verifyBriefToken(t);
  const token = isBriefChoice(verified) ? verified : null;
  const insight = token ? await getInsight({ id: token.insightId }) : null;
  return token && insight ? { token, insight } : null;
}

export type CadenceLink = {
  cadence: BriefCadence;
  weekday: number;
  /** "every Friday at 07:00" */
  now: string;
};

/** The email's "Change how often" link: the reader's cadence now; null for a bad link. */
export async function readCadenceLink(t: string): Promise<CadenceLink | null> {
  const token = verifyBriefToken(t);
  if (token?.action !== "cadence") return null;
  const profile = await getProfile({ userId: token.userId });
  if (!profile) return null;
  return {
    cadence: profile.briefCadence,
    weekday: profile.briefWeekday,
    now: cadenceSentence(profile.briefCadence, profile.briefWeekday, profile.briefHour),
  };
}
