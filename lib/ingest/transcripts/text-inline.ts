import { decodeHTMLStrict } from "entities";
import { collapseWhitespace } from "./html";

// A time as transcripts write it: `1:02:03`, `00:12:34.5`, `12:34,880`.
export const TIME = String.raw`\d{1,2}(?::\d{1,2}){1,2}(?:[.,]\d+)?`;

// Backslash escapes are parked in the private-use area so they cannot pair up as markup.
const PARK = 0xe000;
const ESCAPED = /\\([!-/:-@[-`{-~])/g;
const PARKED = /[\uE000-\uE07F]/g;
// A time inside the words: `[unintelligible 00:41:08.16]` keeps its note and loses its time.
const INLINE_TIME = new RegExp(String.raw`\s*(?:\uE05B|\[|\()\s*(${TIME})\s*(?:\uE05D|\]|\))`, "g");
const NOTE_TIME = new RegExp(
  String.raw`([[(][^\])\d]{1,40}?)\s+${TIME}\s*(?=[^\])]{0,60}[\])])`,
  "g",
);

/**
 * The words of a Markdown line: emphasis, links, code spans, inline HTML, escapes and stray
 * timestamps removed. Every pattern is bounded or stops at a delimiter, so an unclosed `[` or
 * `**` repeated through a huge line costs linear time rather than quadratic.
 */
export function inlineText(markdown: string): string {
  const text = markdown
    .replace(ESCAPED, (_escape, char: string) => String.fromCharCode(PARK + char.charCodeAt(0)))
    .replace(INLINE_TIME, "")
    .replace(/<!--[\s\S]*?(?:-->|$)/g, "")
    .replace(/!?\[([^[\]]{0,500})\]\([^()\s]{0,2000}(?:\s+"[^"]{0,500}")?\)/g, "$1")
    .replace(/\[([^[\]]{1,500})\]\[[^[\]]{0,100}\]/g, "$1")
    .replace(/<((?:https?|mailto):[^<>\s]{1,2000})>/g, "$1")
    .replace(/<\/?[a-zA-Z][^<>]*>/g, "")
    .replace(/`+([^`]*?)`+/g, "$1")
    .replace(/(\*\*|__)(?=\S)(.{1,1000}?)(?<=\S)\1/g, "$2")
    .replace(/(?<![\p{L}\p{N}*])\*(?=\S)(.{1,1000}?)(?<=\S)\*(?![\p{L}\p{N}*])/gu, "$1")
    .replace(/(?<![\p{L}\p{N}_])_(?=\S)(.{1,1000}?)(?<=\S)_(?![\p{L}\p{N}_])/gu, "$1")
    .replace(/~~(?=\S)(.{1,1000}?)(?<=\S)~~/g, "$1")
    .replace(/\*{2,}|_{2,}|~~/g, "")
    .replace(PARKED, (char) => String.fromCharCode(char.charCodeAt(0) - PARK));
  return collapseWhitespace(
    decodeHTMLStrict(text)
      .replace(NOTE_TIME, "$1 ")
      .replace(/\s+([\])])/g, "$1"),
  );
}
