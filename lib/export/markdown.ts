import { listenUrl } from "@/lib/export/listen-url";
import type { SavedInsight } from "@/lib/export/types";
import { formatTimestamp } from "@/lib/format";

/** One insight as an Obsidian note: YAML front matter, then the insight itself. */
export function insightMarkdown(item: SavedInsight): string {
  const timestamp = item.quoteStartS === null ? null : formatTimestamp(item.quoteStartS);
  const frontMatter = [
    "---",
    field("title", item.headline),
    field("podcast", item.podcastTitle),
    field("episode", item.episodeTitle),
    field("speaker", item.speaker),
    field("timestamp", timestamp),
    field("listen", listenUrl(item)),
    field("source", item.insightUrl),
    field("published", item.publishedAt?.toISOString() ?? null),
    field("saved", item.savedAt.toISOString()),
    list("tags", obsidianTags(item.tags)),
    list("topics", item.topics),
    "---",
  ].filter((line) => line !== null);
  return `${frontMatter.join("\n")}\n\n${section(item, "#").join("\n\n")}\n`;
}

/** Every insight in one file, for readers who would rather not unpack a zip. */
export function libraryMarkdown(
  items: SavedInsight[],
  { title, exportedAt }: { title: string; exportedAt: Date },
): string {
  const count = `${items.length} ${items.length === 1 ? "insight" : "insights"}`;
  const intro = `# ${inline(title)}\n\nExported ${exportedAt.toISOString().slice(0, 10)} · ${count}`;
  const sections = items.map((item) => [...section(item, "##"), ...details(item)].join("\n\n"));
  return `${[intro, ...sections].join("\n\n---\n\n")}\n`;
}

/**
 * A readable file name from the headline, safe on Windows, macOS and Linux and for Obsidian links.
 * `used` holds the lower-cased names already taken (case-insensitive file systems would merge
 * names differing only in case); the returned name is added to it.
 */
export function markdownFileName(item: Pick<SavedInsight, "headline">, used: Set<string>): string {
  const cleaned = item.headline.normalize("NFC").replace(UNSAFE_IN_NAME, " ").replace(/\s+/g, " ");
  const stem = trimName(truncate(trimName(cleaned))) || "Insight";
  const base = WINDOWS_RESERVED.test(stem) ? `${stem} insight` : stem;
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${base}.md` : `${base} ${n}.md`;
    if (!used.has(name.toLowerCase())) {
      used.add(name.toLowerCase());
      return name;
    }
  }
}

function section(item: SavedInsight, heading: "#" | "##"): string[] {
  const parts = [`${heading} ${inline(item.headline)}`];
  const body = item.body.trim();
  if (body) parts.push(body);
  if (item.quote.trim()) parts.push(blockquote(item.quote, item.speaker));
  const note = item.note?.trim();
  if (note) parts.push(`${heading}# Note`, note);
  return parts;
}

// The library file has no front matter, so each section carries its provenance in the text.
function details(item: SavedInsight): string[] {
  const listen = listenUrl(item);
  const at = item.quoteStartS === null ? "" : ` at ${formatTimestamp(item.quoteStartS)}`;
  const links = [
    `*${inline(item.podcastTitle)}* · ${inline(item.episodeTitle)}`,
    listen ? `[Listen${at}](<${listen}>)` : null,
    `[Open in Podbrief](<${item.insightUrl}>)`,
  ].filter((part) => part !== null);
  const tags = obsidianTags(item.tags).map((tag) => `#${tag}`);
  return tags.length > 0 ? [links.join(" · "), tags.join(" ")] : [links.join(" · ")];
}

function blockquote(quote: string, speaker: string | null): string {
  const lines = quote
    .trim()
    .split(/\r\n?|\n/)
    .map((line) => (line.trim() ? `> ${line}` : ">"));
  if (speaker?.trim()) lines.push(">", `> — ${inline(speaker)}`);
  return lines.join("\n");
}

// Obsidian tags are letters, digits, `_`, `-` and `/`; anything else would end the tag early.
function obsidianTags(names: string[]): string[] {
  const tags = names.map((name) =>
    name
      .trim()
      .replace(/[^\p{L}\p{N}\p{M}\p{Extended_Pictographic}_/-]+/gu, "-")
      .replace(/-{2,}/g, "-")
      .replace(/^-+|-+$/g, ""),
  );
  // Obsidian treats tags case-insensitively, so "AI" and "ai" are one tag.
  const byKey = new Map<string, string>();
  for (const tag of tags)
    if (tag && !byKey.has(tag.toLowerCase())) byKey.set(tag.toLowerCase(), tag);
  return [...byKey.values()];
}

function field(key: string, value: string | null): string | null {
  return value === null ? null : `${key}: ${yamlString(value)}`;
}

function list(key: string, values: string[]): string | null {
  if (values.length === 0) return null;
  return [`${key}:`, ...values.map((value) => `  - ${yamlString(value)}`)].join("\n");
}

// Always double-quoted, and only with escapes JSON shares (\\ \" \n \r \t \uXXXX), so no feed text
// can end the front matter, start a comment or change a type, whatever YAML parser reads it.
function yamlString(value: string): string {
  return `"${value.toWellFormed().replace(YAML_UNSAFE, (char) => YAML_ESCAPES[char] ?? unicodeEscape(char))}"`;
}

const YAML_ESCAPES: Record<string, string> = {
  "\\": "\\\\",
  '"': '\\"',
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
};

// C0 and C1 controls, line and paragraph separators (line breaks to YAML 1.1), BOM, non-characters.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const YAML_UNSAFE = /[\\"\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;

function unicodeEscape(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

// A single line of Markdown text: no line breaks, and no stray emphasis or link syntax.
function inline(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\\`*_[\]<>|]/g, "\\$&");
}

// Path separators, Windows-forbidden characters, controls, and `#^[]` which break Obsidian links.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const UNSAFE_IN_NAME = /[/\\:*?"<>|#^[\]\u0000-\u001f\u007f-\u009f]/g;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
const MAX_NAME_CHARS = 80;
// File systems cap names at 255 bytes; leave room for " 99.md".
const MAX_NAME_BYTES = 200;

function truncate(name: string): string {
  let out = "";
  let chars = 0;
  let bytes = 0;
  for (const char of name) {
    chars += 1;
    bytes += utf8Length(char);
    if (chars > MAX_NAME_CHARS || bytes > MAX_NAME_BYTES) {
      const space = out.lastIndexOf(" ");
      return space > out.length / 2 ? out.slice(0, space) : out;
    }
    out += char;
  }
  return out;
}

function utf8Length(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

// Windows drops trailing dots and spaces, and a leading dot hides the file.
function trimName(name: string): string {
  return name.replace(/^[\s.]+|[\s.]+$/g, "");
}
