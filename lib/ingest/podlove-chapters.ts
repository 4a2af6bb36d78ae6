import type { Chapter } from "@/db/schema";
import { parseNormalPlayTime } from "./chapters";

// Podlove Simple Chapters (<psc:chapter start="00:01:02.500" title="…"/>) live inside each feed
// item; the feed parser does not read them, so they are picked out of the items' XML here.

const ITEM = /<item[\s>][\s\S]*?<\/item>/g;
const GUID = /<guid[^>]*>\s*(?:<!\[CDATA\[([\s\S]*?)\]\]>|([\s\S]*?))\s*<\/guid>/;
const CHAPTER = /<psc:chapter\s([^>]*?)\/?>/g;
const ATTRIBUTE = /([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function podloveChaptersByGuid(xml: string): Map<string, Chapter[]> {
  const byGuid = new Map<string, Chapter[]>();
  if (!xml.includes("psc:chapter")) return byGuid;
  for (const [item] of xml.matchAll(ITEM)) {
    const guidMatch = GUID.exec(item);
    const guid = decodeXml((guidMatch?.[1] ?? guidMatch?.[2] ?? "").trim());
    if (!guid) continue;
    const chapters: Chapter[] = [];
    for (const [, attributeText = ""] of item.matchAll(CHAPTER)) {
      const attributes = new Map(
        [...attributeText.matchAll(ATTRIBUTE)].map(([, name = "", dq, sq]) => [
          name,
          decodeXml(dq ?? sq ?? ""),
        ]),
      );
      const start = parseNormalPlayTime(attributes.get("start") ?? "");
      const title = attributes.get("title")?.trim();
      if (start === null || !title) continue;
      const href = attributes.get("href");
      const image = attributes.get("image");
      chapters.push({ start, title, ...(href ? { url: href } : {}), ...(image ? { image } : {}) });
    }
    if (chapters.length > 0)
      byGuid.set(
        guid,
        chapters.sort((a, b) => a.start - b.start),
      );
  }
  return byGuid;
}

const XML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code =
        name[1] === "x" || name[1] === "X"
          ? Number.parseInt(name.slice(2), 16)
          : Number(name.slice(1));
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return XML_ENTITIES[name] ?? whole;
  });
}
