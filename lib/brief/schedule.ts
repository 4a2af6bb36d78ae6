// A brief's date as the email and its page show it. When a brief is due (at or after the
// reader's brief hour, in their IANA zone, on their local date) is decided in SQL:
// db/queries/briefs.ts createDueBriefs.

/** "Tuesday, 24 November" for a YYYY-MM-DD local date. */
export function dateLabel(localDate: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    weekday: "long",
    day: "numeric",
    month: "long",
    timeZone: "UTC",
  }).format(new Date(`${localDate}T12:00:00Z`));
}
