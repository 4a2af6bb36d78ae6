import type { PoolSizes } from "@/db/queries/feed-candidates";
import { BRIEF_CADENCES, type BriefCadence } from "@/db/schema";
import { WEEKDAYS } from "@/lib/brief/cadence-labels";
import { BRIEF_POOL, WEEKLY_BRIEF_POOL } from "@/lib/rank/pool";

// How often a reader's brief goes out, and what each kind covers. Which local days a brief is due
// on is decided in SQL (db/queries/briefs.ts); what goes in it is decided here.

export { BRIEF_CADENCES, type BriefCadence, WEEKDAYS };

/** "every day at 07:00", "on weekdays at 07:00", "every Friday at 07:00". */
export function cadenceSentence(cadence: BriefCadence, weekday: number, hour: number): string {
  const at = `at ${String(hour).padStart(2, "0")}:00`;
  if (cadence === "weekdays") return `Monday to Friday ${at}`;
  if (cadence === "weekly") return `every ${WEEKDAYS[weekday] ?? "Monday"} ${at}`;
  return `every day ${at}`;
}

export type BriefPlan = {
  /** How far back the brief's insights may have been made, in hours before the run's moment. */
  windowHours: number;
  /** How many top insights it shows. */
  size: number;
  pool: PoolSizes;
};

const DAY_HOURS = 24;
/** A daily brief looks back two days, so a day without a run loses nothing. */
const DAILY_WINDOW_HOURS = 2 * DAY_HOURS;

/** The local weekday (0 = Sunday) of a YYYY-MM-DD date. */
export function weekdayOf(localDate: string): number {
  return new Date(`${localDate}T12:00:00Z`).getUTCDay();
}

/**
 * What a brief of this cadence, for this local date, covers. Weekly: the best 10 of the last seven
 * days (168 hours back from the send, so the hours after last week's brief are in too). Weekdays:
 * as daily, but Monday's reaches back over the weekend to Friday's brief, with the same day of
 * slack daily has. What an earlier brief held is left out by the candidates query in any case.
 */
export function briefPlan(cadence: BriefCadence, localDate?: string): BriefPlan {
  if (cadence === "weekly") {
    return { windowHours: 7 * DAY_HOURS, size: 10, pool: WEEKLY_BRIEF_POOL };
  }
  const monday = cadence === "weekdays" && localDate !== undefined && weekdayOf(localDate) === 1;
  return {
    windowHours: monday ? DAILY_WINDOW_HOURS + 2 * DAY_HOURS : DAILY_WINDOW_HOURS,
    size: 5,
    pool: BRIEF_POOL,
  };
}

/** "18–24 November", "28 November – 4 December": the seven local days ending on `localDate`. */
export function weekLabel(localDate: string): string {
  const end = new Date(`${localDate}T12:00:00Z`);
  const start = new Date(end.getTime() - 6 * DAY_HOURS * 3_600_000);
  const day = (d: Date) => d.getUTCDate();
  const month = (d: Date) =>
    new Intl.DateTimeFormat("en-GB", { month: "long", timeZone: "UTC" }).format(d);
  if (month(start) === month(end)) return `${day(start)}–${day(end)} ${month(end)}`;
  return `${day(start)} ${month(start)} – ${day(end)} ${month(end)}`;
}

/** The local date (YYYY-MM-DD) at `now` in an IANA zone. */
export function localDateIn(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

export function isCadence(value: unknown): value is BriefCadence {
  return (BRIEF_CADENCES as readonly unknown[]).includes(value);
}
