import { createHash } from "node:crypto";
import { resurfaceCandidate, seenInsightIds } from "@/db/queries/brief-history";
import { feedCandidates } from "@/db/queries/feed";
import { type InsightCard, insightCardsByIds } from "@/db/queries/insights";
import { renderBrief } from "@/lib/brief/render";
import { dateLabel } from "@/lib/brief/schedule";
import { signBriefToken } from "@/lib/brief/tokens";
import type { BriefEmailInput, BriefItemView, RenderedBrief } from "@/lib/brief/types";
import { env } from "@/lib/env";
import { formatTimestamp } from "@/lib/format";
import { QUALITY_BAR } from "@/lib/insights/quality";
import { similarityThresholds } from "@/lib/insights/similarity";
import { listenHref } from "@/lib/listen";
import { rankFeed } from "@/lib/rank/rank";

// Choosing a reader's brief: the best new insights of the last 48 hours for them (lib/rank), at
// most one per episode and two per show, plus one saved insight brought back. A quiet day (fewer
// than three insights clear the quality bar) sends nothing.

export const BRIEF_SIZE = 5;
export const BRIEF_WINDOW_HOURS = 48;
const MIN_GOOD_INSIGHTS = 3;
const ACTION_LINK_DAYS = 30;
const UNSUBSCRIBE_LINK_DAYS = 365;

export type BriefPick = { insightId: string; kind: "top" | "resurfaced"; reason: string };
export type Composition = { kind: "brief"; picks: BriefPick[] } | { kind: "quiet"; reason: string };

export async function chooseBriefItems({
  userId,
  followedTopics,
  now,
  briefId,
}: {
  userId: string;
  followedTopics: string[];
  now: Date;
  /** The brief being composed, whose own items do not count as already sent. */
  briefId?: string;
}): Promise<Composition> {
  const since = new Date(now.getTime() - BRIEF_WINDOW_HOURS * 3_600_000);
  const [candidates, seen] = await Promise.all([
    feedCandidates({ userId, since, asOf: now, poolScale: 0.25 }),
    seenInsightIds({ userId, exceptBriefId: briefId }),
  ]);
  const fresh = candidates.filter((c) => !seen.has(c.id));
  const ranked = rankFeed(
    fresh,
    { followedTopics: new Set(followedTopics), relatedFloor: similarityThresholds().related, now },
    { diversity: false },
  );
  const good = ranked.filter((c) => c.quality >= QUALITY_BAR);
  const perEpisode = new Map<string, number>();
  const perShow = new Map<string, number>();
  const picks: BriefPick[] = [];
  for (const item of good) {
    if (picks.length === BRIEF_SIZE) break;
    if ((perEpisode.get(item.episodeId) ?? 0) >= 1 || (perShow.get(item.podcastId) ?? 0) >= 2) {
      continue;
    }
    perEpisode.set(item.episodeId, 1);
    perShow.set(item.podcastId, (perShow.get(item.podcastId) ?? 0) + 1);
    picks.push({ insightId: item.id, kind: "top", reason: item.reason });
  }
  // Counted after the one-per-episode and two-per-show rules: five good insights of one episode
  // make one brief item, not a brief.
  if (picks.length < MIN_GOOD_INSIGHTS) {
    return {
      kind: "quiet",
      reason: `quiet day: ${picks.length} new insight${picks.length === 1 ? "" : "s"} from different episodes cleared the quality bar (a brief needs ${MIN_GOOD_INSIGHTS})`,
    };
  }
  const back = await resurfaceCandidate({ userId, now, exceptBriefId: briefId });
  if (back && !picks.some((p) => p.insightId === back.insightId)) {
    const days = Math.floor((now.getTime() - back.savedAt.getTime()) / 86_400_000);
    picks.push({
      insightId: back.insightId,
      kind: "resurfaced",
      reason: `From your library: you saved this ${days} days ago`,
    });
  }
  return { kind: "brief", picks };
}

function link(path: string, params: Record<string, string> = {}): string {
  const url = new URL(path, env.APP_URL);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}

function itemView(card: InsightCard, pick: BriefPick, userId: string, now: Date): BriefItemView {
  const expiresAt = new Date(now.getTime() + ACTION_LINK_DAYS * 86_400_000);
  const act = (action: "save" | "more" | "less") =>
    link("/brief/act", {
      t: signBriefToken({ userId, action, insightId: card.id, expiresAt }),
    });
  return {
    insightId: card.id,
    kind: pick.kind,
    headline: card.headline,
    body: card.body,
    quote: card.quote,
    speaker: card.speaker,
    podcastTitle: card.podcast.title,
    episodeTitle: card.episode.title,
    listenUrl: listenHref(card.episode, card.quoteStartS),
    listenLabel:
      card.quoteStartS !== null ? `Listen at ${formatTimestamp(card.quoteStartS)}` : "Listen",
    reason: pick.reason,
    insightUrl: link(`/insights/${card.id}`),
    actions: { save: act("save"), more: act("more"), less: act("less") },
  };
}

export type RenderedEmail = RenderedBrief & {
  headers: Record<string, string>;
  htmlHash: string;
  /** The picks the email shows (an insight removed meanwhile is left out). */
  picks: BriefPick[];
};

/** The email for these picks, with its one-click links signed for this reader. */
export async function renderBriefEmail({
  userId,
  localDate,
  picks,
  now,
}: {
  userId: string;
  localDate: string;
  picks: BriefPick[];
  now: Date;
}): Promise<RenderedEmail> {
  const cards = await insightCardsByIds({ ids: picks.map((p) => p.insightId) });
  const byId = new Map(cards.map((c) => [c.id, c]));
  const shown = picks.filter((pick) => byId.has(pick.insightId));
  const items = shown.flatMap((pick) => {
    const card = byId.get(pick.insightId);
    return card ? [itemView(card, pick, userId, now)] : [];
  });
  const unsubscribeToken = signBriefToken({
    userId,
    action: "unsubscribe",
    insightId: null,
    expiresAt: new Date(now.getTime() + UNSUBSCRIBE_LINK_DAYS * 86_400_000),
  });
  const input: BriefEmailInput = {
    localDate,
    dateLabel: dateLabel(localDate),
    items,
    webViewUrl: link(`/brief/${localDate}`),
    settingsUrl: link("/settings"),
    unsubscribeUrl: link("/unsubscribe", { t: unsubscribeToken }),
  };
  const rendered = await renderBrief(input);
  const sender = env.EMAIL_FROM.match(/<([^>]+)>/)?.[1] ?? env.EMAIL_FROM;
  return {
    ...rendered,
    headers: {
      "List-Unsubscribe": `<${link("/api/unsubscribe", { t: unsubscribeToken })}>, <mailto:${sender}?subject=unsubscribe>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
    htmlHash: createHash("sha256").update(rendered.html).digest("hex"),
    picks: shown,
  };
}
