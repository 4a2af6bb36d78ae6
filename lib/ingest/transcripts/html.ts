import type { Segment } from "@/db/schema";
import { parseNormalPlayTime } from "../chapters";

// Podcasting 2.0 HTML transcripts: a fragment (or a whole page) where each turn is
// `<cite>Name:</cite><time>m:ss</time><p>…</p>`. Read with a small tokenizer rather than a DOM
// library: we only need the text, which paragraph it is in, and the cite/time markers.

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  ndash: "\u2013",
  mdash: "\u2014",
  hellip: "\u2026",
  lsquo: "\u2018",
  rsquo: "\u2019",
  ldquo: "\u201C",
  rdquo: "\u201D",
  laquo: "\u00AB",
  raquo: "\u00BB",
  copy: "\u00A9",
  reg: "\u00AE",
  trade: "\u2122",
  deg: "\u00B0",
  eacute: "\u00E9",
  egrave: "\u00E8",
  aacute: "\u00E1",
  oacute: "\u00F3",
  uuml: "\u00FC",
  ouml: "\u00F6",
  auml: "\u00E4",
  ntilde: "\u00F1",
  ccedil: "\u00E7",
};

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));/g;

/** One pass, so `&amp;lt;` becomes the text `&lt;`, never `<`. Unknown entities stay as written. */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY, (whole, decimal?: string, hex?: string, name?: string) => {
    if (name !== undefined)
      return NAMED_ENTITIES[name] ?? NAMED_ENTITIES[name.toLowerCase()] ?? whole;
    const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex ?? "", 16);
    const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
    return valid ? String.fromCodePoint(code) : whole;
  });
}

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

// Comments, CDATA, doctype/processing instructions, then real tags. Quoted attribute values may
// hold `>`, so they are matched whole. No part runs past a `<` (an unclosed comment or CDATA
// runs to the end): a hostile file full of unclosed tags must cost linear time, not quadratic.
const TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)|<[!?][^<>]*>|<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:[^<>"']|"[^<"]*"|'[^<']*')*)>/g;

/** Elements whose content is never transcript text. */
const HIDDEN = new Set(
  "script style title template noscript head svg h1 h2 h3 h4 h5 h6".split(" "),
);
// trs2html and similar pages: `<p class="speaker">Name</p>`, `onclick="playAt('0:1:2')"`, or a
// `data-start`/`data-time` attribute on the element that opens a passage.
const SPEAKER_CLASS = /\bclass\s*=\s*["'][^"']*\bspeaker\b/i;
const TIME_ATTRIBUTE =
  /(?:playAt\(\s*['"]|\bdata-(?:start|time|begin)\s*=\s*["'])(\d+(?::\d+){0,2}(?:\.\d+)?)/i;

/** Elements that end one paragraph and begin the next. `br` is only a line break inside one. */
const BLOCKS = new Set(
  (
    "p div li ul ol dl dt dd h1 h2 h3 h4 h5 h6 blockquote section article main header footer " +
    "table tr td th hr body html pre"
  ).split(" "),
);

type Capture = { kind: "cite" | "time" | "label"; text: string };

export function parseHtml(body: string): Segment[] {
  const segments: Segment[] = [];
  let speaker: string | null = null;
  let pendingStart: number | null = null;
  let paragraph = "";
  // Kept up to date as text arrives, since re-reading a long paragraph at every tag is quadratic.
  let paragraphHasText = false;
  // The text of a <b>/<strong> that opens a paragraph: a speaker label when a colon closes it.
  let leadingBold: string | null = null;
  let capture: Capture | null = null;
  let hiddenDepth = 0;
  let hiddenTag = "";

  const flush = () => {
    // A play button's glyph is not speech.
    let text = collapseWhitespace(decodeEntities(paragraph).replace(/[\u25B6\u25BA\u23F5]/g, ""));
    let paragraphSpeaker = speaker;
    const label = boldLabel(text, leadingBold);
    if (label) {
      paragraphSpeaker = label.speaker;
      speaker = label.speaker;
      text = label.rest;
    }
    paragraph = "";
    paragraphHasText = false;
    leadingBold = null;
    if (text === "") return;
    segments.push({ start: pendingStart, end: null, speaker: paragraphSpeaker, text });
    pendingStart = null;
  };

  // Ends a <cite>, <time> or leading bold, also when the closing tag never comes.
  const endCapture = () => {
    if (!capture) return;
    const text = collapseWhitespace(decodeEntities(capture.text));
    if (capture.kind === "cite") speaker = text.replace(/\s*:$/, "").trim() || null;
    else if (capture.kind === "time") pendingStart = parseNormalPlayTime(text) ?? pendingStart;
    else leadingBold = text;
    capture = null;
  };

  const addText = (text: string) => {
    if (hiddenDepth > 0) return;
    if (capture) capture.text += text;
    if (!capture || capture.kind === "label") {
      paragraph += text;
      paragraphHasText ||= /\S/.test(text);
    }
  };

  let last = 0;
  for (const match of body.matchAll(TOKEN)) {
    addText(body.slice(last, match.index));
    last = match.index + match[0].length;
    const [, cdata, slash, rawName, attributes = ""] = match;
    if (cdata !== undefined) addText(cdata);
    if (rawName === undefined) continue;
    const name = rawName.toLowerCase();
    const closing = slash === "/";

    // A page whose <head> is never closed still shows its <body>.
    if (name === "body") hiddenDepth = 0;
    if (HIDDEN.has(name)) {
      if (attributes.trimEnd().endsWith("/")) continue; // <svg/> has nothing inside to hide
      if (!closing && hiddenDepth === 0) hiddenTag = name;
      if (name === hiddenTag) hiddenDepth += closing ? -1 : 1;
      if (hiddenDepth < 0) hiddenDepth = 0;
      continue;
    }
    if (hiddenDepth > 0) continue;

    const stated = closing ? null : TIME_ATTRIBUTE.exec(attributes);
    if (stated) {
      endCapture();
      if (paragraphHasText) flush();
      pendingStart = parseNormalPlayTime(stated[1] ?? "") ?? pendingStart;
    }
    if (!closing && SPEAKER_CLASS.test(attributes)) {
      endCapture();
      flush();
      capture = { kind: "cite", text: "" };
      continue;
    }
    if (name === "cite" || name === "time") {
      if (!closing) {
        // A new speaker or a new time starts a new segment, even inside a paragraph.
        endCapture();
        if (paragraphHasText) flush();
        capture = { kind: name, text: "" };
      } else if (capture?.kind === name) {
        endCapture();
      }
      continue;
    }
    if (name === "b" || name === "strong") {
      if (!closing && !capture && !paragraphHasText) {
        capture = { kind: "label", text: "" };
      } else if (closing && capture?.kind === "label") {
        endCapture();
      }
      continue;
    }
    if (BLOCKS.has(name)) {
      endCapture();
      flush();
      continue;
    }
    // Other elements (span, a, em, …) sit inside words' flow; a line break is a space.
    if (name === "br") addText(" ");
  }
  addText(body.slice(last));
  flush();
  return segments;
}

/** `<b>Name:</b> text` or `<strong>Name</strong>: text` names the speaker of that paragraph. */
function boldLabel(text: string, bold: string | null): { speaker: string; rest: string } | null {
  if (!bold || !text.startsWith(bold)) return null;
  let rest = text.slice(bold.length);
  let name = bold;
  if (name.endsWith(":")) name = name.slice(0, -1).trim();
  else if (rest.trimStart().startsWith(":")) rest = rest.trimStart().slice(1);
  else return null;
  if (name === "" || name.length > 40) return null;
  return { speaker: name, rest: rest.trim() };
}
