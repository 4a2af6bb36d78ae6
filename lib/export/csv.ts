import { listenUrl } from "@/lib/export/listen-url";
import type { SavedInsight } from "@/lib/export/types";

const COLUMNS: [name: string, value: (item: SavedInsight) => string][] = [
  ["headline", (item) => item.headline],
  ["body", (item) => item.body],
  ["quote", (item) => item.quote],
  ["speaker", (item) => item.speaker ?? ""],
  ["timestamp_seconds", (item) => (item.quoteStartS === null ? "" : String(item.quoteStartS))],
  ["podcast", (item) => item.podcastTitle],
  ["episode", (item) => item.episodeTitle],
  ["published_at", (item) => item.publishedAt?.toISOString() ?? ""],
  ["saved_at", (item) => item.savedAt.toISOString()],
  ["tags", (item) => item.tags.join("; ")],
  ["topics", (item) => item.topics.join("; ")],
  ["note", (item) => item.note ?? ""],
  ["listen_url", (item) => listenUrl(item) ?? ""],
  ["url", (item) => item.insightUrl],
];

/** RFC 4180 CSV with a header row, one saved insight per record. */
export function libraryCsv(items: SavedInsight[]): string {
  const header = COLUMNS.map(([name]) => name);
  const rows = items.map((item) => COLUMNS.map(([, value]) => csvField(value(item))));
  return [header, ...rows].map((row) => `${row.join(",")}\r\n`).join("");
}

// Spreadsheets run a cell that starts like a formula, and feed text is untrusted (OWASP CSV
// injection); the apostrophe makes it plain text.
const FORMULA_START = /^[=+\-@\t\r]/;

function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
