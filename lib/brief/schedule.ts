// When a reader's brief is due: at or after their brief hour, on their local date. Local time
// comes from the IANA zone, so a daylight-saving change moves the hour with the clock: the
// spring-forward gap still reaches the hour (02:00 becomes 03:00), and the repeated autumn hour
// cannot send twice because a brief is unique per reader and local date.

export type LocalMoment = { date: string; hour: number };

export function localMoment(now: Date, timeZone: string): LocalMoment {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    hourCycle: "h23",
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return { date: `${part("year")}-${part("month")}-${part("day")}`, hour: Number(part("hour")) };
}

/** The local date whose brief is due now, or null before the reader's hour. */
export function dueLocalDate(now: Date, timeZone: string, briefHour: number): string | null {
  const local = localMoment(now, timeZone);
  return local.hour >= briefHour ? local.date : null;
}

/** "Tuesday, 24 November" for a YYYY-MM-DD local date. */
export function dateLabel(localDate: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    weekday: "long",
    day: "numeric",
    month: "long",
    timeZone: "UTC",
  }).format(new Date(`${localDate}T12:00:00Z`));
}
