// The cadence choices as a reader reads them (settings and the email's "Change how often" page).
// No imports: components use these.

/** Weekday numbers as JavaScript's getDay() and PostgreSQL's extract(dow) count them. */
export const WEEKDAYS = [
  "Sunday",
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
] as const;

export const CADENCE_CHOICES = [
  { value: "daily", label: "Daily", hint: "Your top 5, every day." },
  { value: "weekdays", label: "Weekdays", hint: "Your top 5, Monday to Friday." },
  { value: "weekly", label: "Weekly", hint: "The week's best 10, once a week." },
] as const;
