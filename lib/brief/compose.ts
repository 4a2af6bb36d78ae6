import { createHash } from "node:crypto";
import {
  briefCandidates,
  insightFeatures,
  type ReaderSignals,
} from "@/db/queries/brief-candidates";
import { resurfaceCandidates } from "@/db/queries/brief-history";
import type { InsightFeatures } from "@/db/queries/feed-candidates";
import { type InsightCard, insightCardsByIds } from "@/db/queries/insights";
import { saveStates } from "@/db/queries/saves";
import { type BriefCadence, type BriefPlan, briefPlan, weekLabel } from "@/lib/brief/cadence";
import { renderBrief } from "@/lib/brief/render";
import { dateLabel } from "@/lib/brief/schedule";
import { signBriefToken, unsubscribeSubject } from "@/lib/brief/tokens";
import type { BriefEmailInput, BriefItemView, RenderedBrief } from "@/lib/brief/types";
import { env } from "@/lib/env";
import { formatTimestamp } from "@/lib/format";
import { QUALITY_BAR } from "@/lib/insights/quality";
import { similarityThresholds } from "@/lib/insights/similarity";
import { listenHref } from "@/lib/listen";
import { rankFeed } from "@/lib/rank/rank";

// Choosing readers' briefs: the best new insights of the brief's window for each (lib/rank: two
// days for a daily brief, seven for a weekly one, lib/brief/cadence), at most one per episode and
// two per show, plus one saved insight brought back. A quiet day (fewer
// than three insights clear the quality bar) sends nothing. A run chooses for a group of readers
// at a time: a few statements for the group rather than a few for each reader.

const MIN_GOOD_INSIGHTS = 3;
const ACTION_LINK_DAYS = 30;
const UNSUBSCRIBE_LINK_DAYS = 365;

export type BriefPick = { insightId: string; kind: "top" | "resurfaced"; reason: string };
export type Composition = { kind: "brief"; picks: BriefPick[] } | { kind: "quiet"; reason: string };
export type BriefReader = {
  userId: string;
  followedTopics: string[];
  /** What the brief covers (lib/brief/cadence): daily when not said. */
  cadence?: BriefCadence;
  /** The brief's local date: a weekdays brief on a Monday covers the weekend too. */
  localDate?: string;
  /** The brief being composed, whose own items do not count as already sent. */
  briefId?: string;
};

/**
 * What a run reads of an insight once and keeps for every reader after: what ranking needs, and
 * the card an email shows. A cache lives for one run (or one call), a minute or so: an insight
 * deleted meanwhile fails the store of a brief that shows it, which a later run composes again.
 */
export type BriefCache = {
  features: Map<string, InsightFeatures>;
  cards: Map<string, InsightCard>;
};

export function briefCache(): BriefCache {
  return { features: new Map(), cards: new Map() };
}

async function fill<T>(
  into: Map<string, T>,
  ids: Iterable<string>,
  load: (ids: string[]) => Promise<(T & { id: string })[]>,
): Promise<void> {
  const missing = [...new Set(ids)].filter((id) => !into.has(id));
  if (missing.length === 0) return;
  for (const item of await load(missing)) into.set(item.id, item);
}

/** Loads the cards of these insights into the cache (unknown ids are left out). */
export async function loadCards(cache: BriefCache, ids: Iterable<string>): Promise<void> {
  await fill(cache.cards, ids, (missing) => insightCardsByIds({ ids: missing }));
}

/** Each reader's brief for `now`, by user id. */
export async function chooseBriefs({
  readers,
  now,
  cache = briefCache(),
}: {
  readers: BriefReader[];
  now: Date;
  cache?: BriefCache;
}): Promise<Map<string, Composition>> {
  const signals = await candidatesByPlan(readers, now);
  await fill(
    cache.features,
    [...signals.values()].flatMap((list) => list.map((s) => s.id)),
    (ids) => insightFeatures({ ids }),
  );
  const relatedFloor = similarityThresholds().related;
  const choices = new Map<string, Composition>();
  for (const reader of readers) {
    const candidates = (signals.get(reader.userId) ?? []).flatMap((s) => {
      const features = cache.features.get(s.id);
      return features ? [{ ...features, ...s }] : [];
    });
    const ranked = rankFeed(
      candidates,
      { followedTopics: new Set(reader.followedTopics), relatedFloor, now },
      { diversity: false },
    );
    const { size } = briefPlan(reader.cadence ?? "daily", reader.localDate);
    const perEpisode = new Set<string>();
    const perShow = new Map<string, number>();
    const picks: BriefPick[] = [];
    for (const item of ranked) {
      if (picks.length === size) break;
      if (perEpisode.has(item.episodeId) || (perShow.get(item.podcastId) ?? 0) >= 2) continue;
      perEpisode.add(item.episodeId);
      perShow.set(item.podcastId, (perShow.get(item.podcastId) ?? 0) + 1);
      picks.push({ insightId: item.id, kind: "top", reason: item.reason });
    }
    // Counted after the one-per-episode and two-per-show rules: five good insights of one
    // episode make one brief item, not a brief.
    choices.set(
      reader.userId,
      picks.length < MIN_GOOD_INSIGHTS
        ? {
            kind: "quiet",
            reason: `quiet day: ${picks.length} new insight${picks.length === 1 ? "" : "s"} from different episodes cleared the quality bar (a brief needs ${MIN_GOOD_INSIGHTS})`,
          }
        : { kind: "brief", picks },
    );
  }
  const backs = await resurfaceCandidates({
    readers: readers.filter((r) => choices.get(r.userId)?.kind === "brief"),
    now,
  });
  for (const [userId, back] of backs) {
    const choice = choices.get(userId);
    if (choice?.kind !== "brief" || choice.picks.some((p) => p.insightId === back.insightId)) {
      continue;
    }
    const days = Math.floor((now.getTime() - back.savedAt.getTime()) / 86_400_000);
    choice.picks.push({
      insightId: back.insightId,
      kind: "resurfaced",
      reason: `From your library: you saved this ${days} days ago`,
    });
  }
  return choices;
}

/**
 * Each reader's candidates, read once for each kind of brief in the group (a daily brief looks
 * back two days, a weekly one seven). Only insights that clear the quality bar are candidates.
 */
async function candidatesByPlan(
  readers: BriefReader[],
  now: Date,
): Promise<Map<string, ReaderSignals[]>> {
  const groups = new Map<string, { plan: BriefPlan; readers: BriefReader[] }>();
  for (const reader of readers) {
    const plan = briefPlan(reader.cadence ?? "daily", reader.localDate);
    const key = `${plan.windowHours}:${JSON.stringify(plan.pool)}`;
    const group = groups.get(key) ?? { plan, readers: [] };
    group.readers.push(reader);
    groups.set(key, group);
  }
  const signals = new Map<string, ReaderSignals[]>();
  for (const { plan, readers: members } of groups.values()) {
    const found = await briefCandidates({
      readers: members,
      since: new Date(now.getTime() - plan.windowHours * 3_600_000),
      asOf: now,
      minQuality: QUALITY_BAR,
      pool: plan.pool,
    });
    for (const [userId, list] of found) signals.set(userId, list);
  }
  return signals;
}

/** One reader's brief for `now` (the settings preview, a dry run). */
export async function chooseBriefItems(reader: BriefReader & { now: Date }): Promise<Composition> {
  const choices = await chooseBriefs({ readers: [reader], now: reader.now });
  return choices.get(reader.userId) ?? { kind: "quiet", reason: "quiet day" };
}

function link(path: string, params: Record<string, string> = {}): string {
  const url = new URL(path, env.APP_URL);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}

function itemView(
  card: InsightCard,
  pick: BriefPick,
  userId: string,
  now: Date,
  saved: boolean,
): BriefItemView {
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
    actions: { save: saved ? null : act("save"), more: act("more"), less: act("less") },
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
  cadence = "daily",
  picks,
  now,
  cache = briefCache(),
}: {
  userId: string;
  localDate: string;
  cadence?: BriefCadence;
  picks: BriefPick[];
  now: Date;
  cache?: BriefCache;
}): Promise<RenderedEmail> {
  await loadCards(
    cache,
    picks.map((p) => p.insightId),
  );
  const byId = cache.cards;
  const shown = picks.filter((pick) => byId.has(pick.insightId));
  // What the reader has saved is not offered for saving again.
  const saved = await saveStates({ userId, insightIds: shown.map((pick) => pick.insightId) });
  const items = shown.flatMap((pick) => {
    const card = byId.get(pick.insightId);
    const isSaved = pick.kind === "resurfaced" || saved.has(pick.insightId);
    return card ? [itemView(card, pick, userId, now, isSaved)] : [];
  });
  const unsubscribeToken = signBriefToken({
    userId,
    action: "unsubscribe",
    insightId: null,
    expiresAt: new Date(now.getTime() + UNSUBSCRIBE_LINK_DAYS * 86_400_000),
  });
  const linkExpiry = new Date(now.getTime() + UNSUBSCRIBE_LINK_DAYS * 86_400_000);
  const input: BriefEmailInput = {
    localDate,
    cadence,
    dateLabel: cadence === "weekly" ? weekLabel(localDate) : dateLabel(localDate),
    items,
    // Opened from a mail app, where the reader is usually not signed in: the link carries a
    // token that shows this brief, to whoever holds the email, and nothing else.
    webViewUrl: link(`/brief/${localDate}`, {
      t: signBriefToken({
        userId,
        action: "view",
        insightId: localDate,
        expiresAt: new Date(now.getTime() + UNSUBSCRIBE_LINK_DAYS * 86_400_000),
      }),
    }),
    settingsUrl: link("/settings"),
    cadenceUrl: link("/brief/cadence", {
      t: signBriefToken({ userId, action: "cadence", insightId: null, expiresAt: linkExpiry }),
    }),
    unsubscribeUrl: link("/unsubscribe", { t: unsubscribeToken }),
  };
  const rendered = await renderBrief(input);
  const mailbox =
    env.UNSUBSCRIBE_MAILTO ?? env.EMAIL_FROM.match(/<([^>]+)>/)?.[1] ?? env.EMAIL_FROM;
  const subject = encodeURIComponent(unsubscribeSubject(unsubscribeToken));
  return {
    ...rendered,
    headers: {
      "List-Unsubscribe": `<${link("/api/unsubscribe", { t: unsubscribeToken })}>, <mailto:${mailbox}?subject=${subject}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
    htmlHash: createHash("sha256").update(rendered.html).digest("hex"),
    picks: shown,
  };
}
