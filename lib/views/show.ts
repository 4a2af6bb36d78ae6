import "server-only";
import { z } from "zod";
import {
  getShow,
  isFollowing,
  listShowEpisodes,
  type ShowEpisode,
  type ShowRecord,
} from "@/db/queries/show-pages";
import { isDemoFeed } from "@/lib/demo/attribution";
import { forStrangers } from "@/lib/ingest/address";
import { showNotesText } from "@/lib/ingest/show-notes";
import type { Reader } from "@/lib/session";
import { one, type SearchParams } from "@/lib/views/params";

// A show's page: what the show is, whether the reader follows it, its newest episodes a page at a
// time with their insights, and what its last check found, in words.

export const EPISODES_PER_PAGE = 10;
const MAX_PAGE = 1000;

export type CheckOutcome = { tone: "ok" | "warning" | "error" | "pending"; text: string };

export type ShowData = {
  show: Omit<ShowRecord, "lastError" | "feedUrl"> & { demo: boolean };
  /** Whether the reader follows the show; null for a visitor. */
  followed: boolean | null;
  episodes: ShowEpisode[];
  page: number;
  hasOlder: boolean;
  check: CheckOutcome;
};

const query = z.object({
  page: one.transform((value) => {
    const n = Number(value);
    return Number.isInteger(n) && n >= 1 && n <= MAX_PAGE ? n : 1;
  }),
});

/** The show by id, or null for an unknown, blocked or malformed id. */
export async function findShow(id: string): Promise<ShowRecord | null> {
  return getShow({ id });
}

export async function readShow({
  reader,
  id,
  params = {},
}: {
  reader: Reader | null;
  id: string;
  params?: SearchParams;
}): Promise<ShowData | null> {
  const show = await getShow({ id });
  if (!show) return null;
  const { page } = query.parse(params);
  const [rows, followed] = await Promise.all([
    listShowEpisodes({
      podcastId: show.id,
      offset: (page - 1) * EPISODES_PER_PAGE,
      limit: EPISODES_PER_PAGE + 1,
    }),
    reader ? isFollowing({ userId: reader.id, podcastId: show.id }) : null,
  ]);
  const { lastError: _, feedUrl, ...shown } = show;
  return {
    show: {
      ...shown,
      title: show.title || "Untitled show",
      // A feed's description may hold HTML: the page shows its text only.
      description: show.description ? showNotesText(show.description) || null : null,
      demo: isDemoFeed(feedUrl),
    },
    followed,
    episodes: rows.slice(0, EPISODES_PER_PAGE),
    page,
    hasOlder: rows.length > EPISODES_PER_PAGE,
    check: checkOutcome(show),
  };
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "7 Dec 2026, 10:05 UTC": the same words on every server, whatever its locale data. */
export function formatCheckTime(date: Date): string {
  const hh = String(date.getUTCHours()).padStart(2, "0");
  const mm = String(date.getUTCMinutes()).padStart(2, "0");
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}, ${hh}:${mm} UTC`;
}
const when = formatCheckTime;

/** What the show's last check found, in plain words. */
export function checkOutcome(
  show: Pick<
    ShowRecord,
    "checkedAt" | "nextCheckAt" | "errorCount" | "lastError" | "textIssue" | "locked"
  >,
): CheckOutcome {
  // A show that is never checked again (the bundled demo) has its next check at the end of time.
  const next =
    show.nextCheckAt.getUTCFullYear() >= 9000
      ? "It is not checked again."
      : `Next check: ${when(show.nextCheckAt)}.`;
  if (!show.checkedAt) return { tone: "pending", text: `Not checked yet. ${next}` };
  const checked = `Checked ${when(show.checkedAt)}`;
  if (show.lastError) {
    const times = show.errorCount > 1 ? ` (${show.errorCount} times in a row)` : "";
    return {
      tone: "error",
      text: `${checked}: the check failed${times}: ${forStrangers(show.lastError)}. ${next}`,
    };
  }
  if (show.textIssue) {
    return { tone: "warning", text: `${checked}: read, but ${show.textIssue}. ${next}` };
  }
  return { tone: "ok", text: `${checked}: the feed was read without a problem. ${next}` };
}
