// Text from a URL or a form, made safe to hand to PostgreSQL: it refuses NUL in text and
// answers an impossible date or time with an error, so such input is cleaned or refused here,
// before any SQL, rather than becoming a 500.

const SEARCH_MAX = 200;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const CONTROL = /[\u0000-\u001f\u007f]/g;

/** Whether `text` is a UUID: an id from a URL or a form that is not one matches no row. */
export function isUuid(text: string): boolean {
  return UUID.test(text);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A search as typed, without control characters (NUL included), at most 200 characters. */
export function searchText(raw: string | undefined | null): string {
  return (raw ?? "").replace(CONTROL, " ").replace(/\s+/g, " ").trim().slice(0, SEARCH_MAX);
}

/** Whether `YYYY-MM-DD` names a day that exists (not 2026-02-30, not 9999-99-99). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** Whether `YYYY-MM-DDTHH:MM:SS(.ffffff)` is a moment that exists. */
export function isTimestamp(text: string): boolean {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?$/.exec(text);
  if (!match || !isCalendarDate(match[1] ?? "")) return false;
  return Number(match[2]) < 24 && Number(match[3]) < 60 && Number(match[4]) < 60;
}
