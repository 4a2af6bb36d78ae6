import { type Episode as FeedItem, type FeedObject, parseFeed } from "podcast-partytime";
import { logger as partytimeLogger } from "podcast-partytime/dist/logger";
import type { Chapter, EpisodeSoundbite } from "@/db/schema";
import { podloveChaptersByGuid } from "./podlove-chapters";
import { sanitizeShowNotes, showNotesText } from "./show-notes";

// Turns a feed document (RSS 2.0 with iTunes and Podcasting 2.0 tags, or Atom) into the shape
// we store. podcast-partytime does the parsing; this file guards the door and normalizes.

export type ParsedEpisode = {
  guid: string;
  title: string;
  link: string | null;
  publishedAt: Date | null;
  audioUrl: string | null;
  durationSeconds: number | null;
  imageUrl: string | null;
  showNotesHtml: string | null;
  showNotesText: string | null;
  transcripts: { url: string; type: string | null }[];
  chaptersUrl: string | null;
  chapters: Chapter[] | null;
  soundbites: EpisodeSoundbite[] | null;
};

export type ParsedFeed = {
  title: string;
  author: string | null;
  description: string | null;
  imageUrl: string | null;
  siteUrl: string | null;
  language: string | null;
  newFeedUrl: string | null;
  locked: boolean;
  blocked: boolean;
  episodes: ParsedEpisode[];
};

export class FeedParseError extends Error {
  override name = "FeedParseError";
}

const ROOT = /<(rss|feed|rdf:RDF)[\s>]/;

// partytime logs through its own pino logger, and on a rejected feed it logs the whole document:
// untrusted megabytes in our logs. We report parse failures ourselves, so it stays silent.
partytimeLogger.level = "silent";

/**
 * @param baseUrl the feed's own URL: relative transcript and chapters links resolve against it, and
 * only a feed read from a local file (file:, added by an operator) may point at local files.
 */
export function parsePodcastFeed(
  document: string,
  { baseUrl }: { baseUrl?: string } = {},
): ParsedFeed {
  // NUL is legal nowhere in XML and PostgreSQL text refuses it; one stray byte must not sink a feed.
  const xml = document
    .replace(/^\uFEFF/, "")
    .replaceAll("\u0000", "")
    .trimStart();
  if (!ROOT.test(xml)) {
    if (/^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE\s+html\b|<html\b)/i.test(xml))
      throw new FeedParseError("this is a web page, not a feed: look for the feed's own address");
    throw new FeedParseError("not an RSS or Atom feed: no <rss> or <feed> element");
  }
  refuseDeclarations(xml);
  const feed = parseQuietly(xml);
  if (!feed) throw new FeedParseError("the feed is not well-formed XML, or not RSS or Atom");
  const pscChapters = podloveChaptersByGuid(xml);
  const seen = new Set<string>();
  const episodes: ParsedEpisode[] = [];
  for (const item of feed.items) {
    const episode = toEpisode(item, pscChapters, baseUrl);
    if (seen.has(episode.guid)) continue; // a repeated item: the first one wins
    seen.add(episode.guid);
    episodes.push(episode);
  }
  return {
    title: clean(feed.title) ?? "Untitled podcast",
    author: clean(feed.author) ?? clean(feed.owner?.name) ?? clean(feed.podcastOwner),
    description: clean(feed.summary) ?? clean(feed.description),
    imageUrl: httpUrl(feed.itunesImage) ?? httpUrl(feed.image?.url),
    siteUrl: httpUrl(feed.link),
    language: clean(feed.language)?.toLowerCase() ?? null,
    newFeedUrl: httpUrl(feed.itunesNewFeedUrl),
    locked: feed.locked === true,
    blocked: String(feed.podcastBlocked) === "yes",
    episodes,
  };
}

/** Entity declarations are how "billion laughs" bombs work; a feed has no use for them. */
/**
 * Entity declarations are what entity-expansion bombs and XXE need, and feeds never need them:
 * a DOCTYPE with an internal subset or an external identifier is refused. A bare
 * `<!DOCTYPE rss>`, and the text "<!ENTITY" inside an item (a show note about XML), are fine.
 */
function refuseDeclarations(xml: string): void {
  const prolog = xml.slice(0, xml.search(ROOT));
  const doctype = /<!DOCTYPE\b[^>]*>?/i.exec(prolog)?.[0];
  const bare = doctype === undefined || /^<!DOCTYPE\s+[\w:.-]+\s*>$/i.test(doctype);
  if (!bare || /<!ENTITY/i.test(prolog)) {
    throw new FeedParseError(
      "the document declares a DOCTYPE with entities or an external DTD, which feeds never need: refused",
    );
  }
}

function parseQuietly(xml: string): FeedObject | null {
  // partytime warns on the console for every item without a guid; we handle those ourselves.
  const warn = console.warn;
  console.warn = () => {};
  try {
    return parseFeed(xml, { allowMissingGuid: true });
  } catch {
    return null;
  } finally {
    console.warn = warn;
  }
}

function toEpisode(
  item: FeedItem,
  pscChapters: Map<string, Chapter[]>,
  baseUrl: string | undefined,
): ParsedEpisode {
  const audioUrl = httpUrl(item.enclosure?.url);
  const publishedAt = validDate(item.pubDate);
  const title = clean(item.title) ?? "";
  const guid =
    clean(item.guid) ?? audioUrl ?? `${title}|${publishedAt?.toISOString() ?? "undated"}`;
  const notes = item.content || item.description || item.summary || "";
  const plain = notes ? showNotesText(notes) : "";
  return {
    guid,
    title,
    link: httpUrl(item.link),
    publishedAt,
    audioUrl,
    // Publishers write anything here; an absurd value (past a 32-bit integer) means "unknown".
    durationSeconds:
      item.duration > 0 && item.duration < 2 ** 31 ? Math.round(item.duration) : null,
    imageUrl: httpUrl(item.itunesImage) ?? httpUrl(item.image),
    showNotesHtml: notes ? sanitizeShowNotes(notes) || null : null,
    showNotesText: plain || null,
    transcripts: (item.podcastTranscripts ?? []).flatMap((t) => {
      const url = linkedUrl(t.url, baseUrl);
      return url ? [{ url, type: t.type === "unknown" ? null : t.type }] : [];
    }),
    chaptersUrl: linkedUrl(item.podcastChapters?.url, baseUrl),
    chapters: pscChapters.get(guid) ?? null,
    soundbites: soundbitesOf(item, title),
  };
}

/**
 * podcast:soundbite ranges, checked: a start and a positive duration in seconds, at most 20 per
 * episode, none past 24 hours. partytime names a bite without text after the show; we keep only a
 * title that says something of its own. (partytime also skips a bite that starts at 0:00.)
 */
function soundbitesOf(item: FeedItem, episodeTitle: string): EpisodeSoundbite[] | null {
  const bites = (item.podcastSoundbites ?? []).flatMap((bite) => {
    const start = Number(bite.startTime);
    const duration = Number(bite.duration);
    const fine = (n: number) => Number.isFinite(n) && n >= 0 && n <= DAY_SECONDS;
    if (!fine(start) || !fine(duration) || duration === 0) return [];
    const title = clean(bite.title)?.slice(0, 300) ?? null;
    return [{ start, duration, title: title === episodeTitle ? null : title }];
  });
  return bites.length > 0 ? bites.slice(0, 20) : null;
}

const DAY_SECONDS = 24 * 60 * 60;

function clean(value: string | null | undefined): string | null {
  const trimmed = typeof value === "string" ? value.trim() : "";
  return trimmed === "" ? null : trimmed;
}

function httpUrl(value: string | null | undefined): string | null {
  const candidate = clean(value);
  if (!candidate) return null;
  try {
    const url = new URL(candidate);
    return url.protocol === "http:" || url.protocol === "https:" ? url.toString() : null;
  } catch {
    return null;
  }
}

/** A transcript or chapters link: resolved against the feed's URL, and local only for a local feed. */
function linkedUrl(value: string | null | undefined, baseUrl: string | undefined): string | null {
  const candidate = clean(value);
  if (!candidate) return null;
  try {
    const url = new URL(candidate, baseUrl);
    if (url.protocol === "http:" || url.protocol === "https:") return url.toString();
    return url.protocol === "file:" && baseUrl?.startsWith("file:") ? url.toString() : null;
  } catch {
    return null;
  }
}

function validDate(value: Date | undefined): Date | null {
  return value instanceof Date && !Number.isNaN(value.getTime()) ? value : null;
}
