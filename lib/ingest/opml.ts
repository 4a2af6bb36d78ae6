import { XMLParser } from "fast-xml-parser";
import { xmlDocument } from "@/lib/export/xml";

// OPML is how podcast apps move subscriptions around: import the feed URLs, export ours.

export class OpmlError extends Error {
  override name = "OpmlError";
}

type Outline = { "@_xmlUrl"?: string; "@_type"?: string; outline?: Outline | Outline[] };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  processEntities: true,
});

/** The feed URLs of an OPML document, in document order, without duplicates. */
export function parseOpml(document: string): string[] {
  const xml = document.replace(/^\uFEFF/, "").trimStart();
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    throw new OpmlError(
      "the OPML file declares a DOCTYPE or entities, which OPML never needs: refused",
    );
  }
  let parsed: { opml?: { body?: { outline?: Outline | Outline[] } } };
  try {
    parsed = parser.parse(xml);
  } catch (error) {
    throw new OpmlError(
      `the OPML file is not well-formed XML (${(error as Error).message.split("\n")[0]})`,
    );
  }
  if (!parsed.opml) throw new OpmlError("not an OPML file: no <opml> element");
  // A Set keeps document order and finds a duplicate at once: a reader's upload may hold tens of
  // thousands of outlines, and a list's includes() would make that quadratic.
  const urls = new Set<string>();
  const visit = (outlines: Outline | Outline[] | undefined) => {
    for (const outline of asArray(outlines)) {
      const url = outline["@_xmlUrl"]?.trim();
      if (url) urls.add(url);
      visit(outline.outline);
    }
  };
  visit(parsed.opml.body?.outline);
  return [...urls];
}

export function buildOpml(
  shows: { title: string; feedUrl: string; siteUrl?: string | null }[],
  now = new Date(),
): string {
  return xmlDocument({
    opml: {
      "@_version": "2.0",
      head: { title: "Podbrief shows", dateCreated: now.toUTCString() },
      body: {
        outline: shows.map((show) => ({
          "@_type": "rss",
          "@_text": show.title,
          "@_title": show.title,
          "@_xmlUrl": show.feedUrl,
          "@_htmlUrl": show.siteUrl || undefined,
        })),
      },
    },
  });
}

function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
