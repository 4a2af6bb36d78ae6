import sanitizeHtml from "sanitize-html";

// Show notes come from anyone who publishes a feed: keep an allowlist of harmless markup for
// display, and a plain-text copy for search and as the transcript of last resort.

const SAFE_LINK = /^\s*(https?:|mailto:)/i;

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: ["a", "p", "br", "ul", "ol", "li", "em", "strong", "b", "i", "blockquote"],
  // rel and target are set by transformTags below; an href is the only attribute taken from the feed.
  allowedAttributes: { a: ["href", "rel", "target"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: {
    a: (tagName, attribs): sanitizeHtml.Tag => {
      const href = attribs.href ?? "";
      if (!SAFE_LINK.test(href)) return { tagName, attribs: {} };
      return { tagName, attribs: { href, rel: "nofollow noopener", target: "_blank" } };
    },
  },
};

export function sanitizeShowNotes(html: string): string {
  return sanitizeHtml(html, ALLOWED).trim();
}

const BLOCK_END = /<\/(p|div|li|h[1-6]|blockquote|tr)>|<br\s*\/?>/gi;

/** Show notes as plain text: one line per paragraph or list item, entities decoded. */
export function showNotesText(html: string): string {
  const marked = html.replace(BLOCK_END, (tag) => `${tag}\n`);
  const text = sanitizeHtml(marked, { allowedTags: [], allowedAttributes: {} });
  return unescapeBasic(text)
    .split("\n")
    .map((line) => line.replace(/\s+/g, " ").trim())
    .filter((line) => line !== "")
    .join("\n");
}

// sanitize-html decodes every entity while parsing and re-escapes only these when it writes text.
function unescapeBasic(text: string): string {
  return text
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&amp;", "&");
}
