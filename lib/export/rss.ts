import type { SavedInsight } from "@/lib/export/types";
import { type XmlNode, xmlDocument, xmlFragment } from "./xml";

type Channel = { title: string; link: string; selfUrl: string; description: string };

/** An RSS 2.0 feed of the reader's saves, newest save first. */
export function savedRss(items: SavedInsight[], channel: Channel): string {
  const sorted = items.toSorted((a, b) => b.savedAt.getTime() - a.savedAt.getTime());
  return rssDocument(channel, sorted[0]?.savedAt, sorted.map(rssItem));
}

function rssDocument(channel: Channel, lastBuild: Date | undefined, items: XmlNode[]): string {
  return xmlDocument({
    rss: {
      "@_version": "2.0",
      "@_xmlns:atom": "http://www.w3.org/2005/Atom",
      channel: {
        title: channel.title,
        link: channel.link,
        description: channel.description,
        "atom:link": {
          "@_href": channel.selfUrl,
          "@_rel": "self",
          "@_type": "application/rss+xml",
        },
        lastBuildDate: lastBuild?.toUTCString(),
        item: items,
      },
    },
  });
}

function rssItem(item: SavedInsight): XmlNode {
  return {
    title: oneLine(item.headline),
    link: item.insightUrl,
    guid: { "@_isPermaLink": "true", "#text": item.insightUrl },
    // toUTCString() is RFC 1123, the four-digit-year form of RFC 822 that RSS readers expect.
    pubDate: item.savedAt.toUTCString(),
    description: descriptionHtml(item),
    category: item.tags.map(oneLine),
  };
}

/** An insight in a public feed (a topic's): where it is read, and when it was said or made. */
export type FeedInsight = Pick<SavedInsight, "headline" | "body" | "quote" | "speaker"> & {
  url: string;
  date: Date;
  categories: string[];
};

/** An RSS 2.0 feed of insights in the order given (a topic's best first). */
export function insightsRss(items: FeedInsight[], channel: Channel): string {
  const newest = items.reduce<Date | undefined>(
    (latest, item) => (!latest || item.date > latest ? item.date : latest),
    undefined,
  );
  return rssDocument(
    channel,
    newest,
    items.map((item) => ({
      title: oneLine(item.headline),
      link: item.url,
      guid: { "@_isPermaLink": "true", "#text": item.url },
      pubDate: item.date.toUTCString(),
      description: descriptionHtml(item),
      category: item.categories.map(oneLine),
    })),
  );
}

// Readers render <description> as HTML, so the text is escaped once as HTML here and once more
// as XML by the feed's builder: a feed's "<script>" arrives as text, never as markup.
function descriptionHtml(item: Pick<SavedInsight, "body" | "quote" | "speaker">): string {
  const speaker = item.speaker?.trim();
  const quote = item.quote.trim()
    ? { blockquote: { p: speaker ? [item.quote, `— ${speaker}`] : item.quote } }
    : {};
  return xmlFragment({ p: item.body, ...quote });
}

// Feed titles are single lines in every reader; a hostile newline would only garble them.
function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
