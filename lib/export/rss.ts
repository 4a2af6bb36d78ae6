import type { SavedInsight } from "@/lib/export/types";

type Channel = { title: string; link: string; selfUrl: string; description: string };

/** An RSS 2.0 feed of the reader's saves, newest save first. */
export function savedRss(items: SavedInsight[], channel: Channel): string {
  const sorted = items.toSorted((a, b) => b.savedAt.getTime() - a.savedAt.getTime());
  const newest = sorted[0];
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    "<channel>",
    element("title", channel.title),
    element("link", channel.link),
    element("description", channel.description),
    `<atom:link href="${xml(channel.selfUrl)}" rel="self" type="application/rss+xml"/>`,
    ...(newest ? [element("lastBuildDate", newest.savedAt.toUTCString())] : []),
    ...sorted.map(rssItem),
    "</channel>",
    "</rss>",
  ];
  return `${lines.join("\n")}\n`;
}

function rssItem(item: SavedInsight): string {
  return [
    "<item>",
    element("title", oneLine(item.headline)),
    element("link", item.insightUrl),
    `<guid isPermaLink="true">${xml(item.insightUrl)}</guid>`,
    // toUTCString() is RFC 1123, the four-digit-year form of RFC 822 that RSS readers expect.
    element("pubDate", item.savedAt.toUTCString()),
    element("description", descriptionHtml(item)),
    ...item.tags.map((tag) => element("category", oneLine(tag))),
    "</item>",
  ].join("\n");
}

// Readers render <description> as HTML, so the text is escaped once as HTML here and once more
// as XML by element(): a feed's "<script>" arrives as text, never as markup.
function descriptionHtml(item: SavedInsight): string {
  const speaker = item.speaker?.trim();
  const attribution = speaker ? `<p>— ${xml(speaker)}</p>` : "";
  const quote = item.quote.trim()
    ? `<blockquote><p>${xml(item.quote)}</p>${attribution}</blockquote>`
    : "";
  return `<p>${xml(item.body)}</p>${quote}`;
}

// Feed titles are single lines in every reader; a hostile newline would only garble them.
function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function element(name: string, text: string): string {
  return `<${name}>${xml(text)}</${name}>`;
}

const XML_ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

// XML 1.0 allows tab, LF, CR and U+0020 up, minus surrogates and U+FFFE/U+FFFF; one stray
// control character from a feed would make the whole document unreadable.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function xml(text: string): string {
  return text.replace(NOT_XML_CHAR, "").replace(/[&<>"']/g, (char) => XML_ENTITIES[char] ?? char);
}
