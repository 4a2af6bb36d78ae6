import type { Segment } from "@/db/schema";
import { parseNormalPlayTime } from "../chapters";
import { readTags, type Tag, type TagSink } from "./html-tags";

// Podcasting 2.0 HTML transcripts: a fragment (or a whole page) where each turn is
// `<cite>Name:</cite><time>m:ss</time><p>…</p>`. We only need the text, which paragraph it is
// in, and the cite/time markers, so the page is read as a run of tags (html-tags.ts).

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Elements whose content is never transcript text. */
const HIDDEN = new Set(
  "script style title template noscript head svg h1 h2 h3 h4 h5 h6".split(" "),
);
// trs2html and similar pages: `<p class="speaker">Name</p>`, `onclick="playAt('0:1:2')"`, or a
// `data-start`/`data-time` attribute on the element that opens a passage.
const SPEAKER_CLASS = /\bspeaker\b/i;
const STATED_TIME = /^(\d+(?::\d+){0,2}(?:\.\d+)?)/;
const PLAY_AT = /playAt\(\s*['"](\d+(?::\d+){0,2}(?:\.\d+)?)/i;
const TIME_ATTRIBUTES = new Set(["data-start", "data-time", "data-begin"]);

/** Elements that end one paragraph and begin the next. `br` is only a line break inside one. */
const BLOCKS = new Set(
  (
    "p div li ul ol dl dt dd h1 h2 h3 h4 h5 h6 blockquote section article main header footer " +
    "table tr td th hr body html pre"
  ).split(" "),
);

type Capture = { kind: "cite" | "time" | "label"; text: string };

export function parseHtml(body: string): Segment[] {
  const reader = new TurnReader();
  readTags(body, reader);
  return reader.finish();
}

class TurnReader implements TagSink {
  private readonly segments: Segment[] = [];
  private speaker: string | null = null;
  private pendingStart: number | null = null;
  private paragraph = "";
  // Kept up to date as text arrives, since re-reading a long paragraph at every tag is quadratic.
  private paragraphHasText = false;
  // The text of a <b>/<strong> that opens a paragraph: a speaker label when a colon closes it.
  private leadingBold: string | null = null;
  private capture: Capture | null = null;
  private hiddenDepth = 0;
  private hiddenTag = "";

  text(text: string): void {
    if (this.hiddenDepth > 0) return;
    if (this.capture) this.capture.text += text;
    if (!this.capture || this.capture.kind === "label") {
      this.paragraph += text;
      this.paragraphHasText ||= /\S/.test(text);
    }
  }

  tag(tag: Tag): void {
    // A page whose <head> is never closed still shows its <body>.
    if (tag.name === "body") this.hiddenDepth = 0;
    if (HIDDEN.has(tag.name)) this.hide(tag);
    else if (this.hiddenDepth === 0) this.show(tag);
  }

  private show(tag: Tag): void {
    if (!tag.closing) this.openPassage(tag.attributes);
    if (!tag.closing && SPEAKER_CLASS.test(tag.attributes.get("class") ?? "")) {
      this.endCapture();
      this.flush();
      this.capture = { kind: "cite", text: "" };
    } else if (tag.name === "cite" || tag.name === "time") {
      this.marker(tag.name, tag.closing);
    } else if (tag.name === "b" || tag.name === "strong") {
      if (!tag.closing && !this.capture && !this.paragraphHasText) {
        this.capture = { kind: "label", text: "" };
      } else if (tag.closing && this.capture?.kind === "label") {
        this.endCapture();
      }
    } else if (BLOCKS.has(tag.name)) {
      this.endCapture();
      this.flush();
    } else if (tag.name === "br") {
      // Other elements (span, a, em, …) sit inside words' flow; a line break is a space.
      this.text(" ");
    }
  }

  finish(): Segment[] {
    this.flush();
    return this.segments;
  }

  private hide(tag: Tag): void {
    if (tag.selfClosing) return; // <svg/> has nothing inside to hide
    if (!tag.closing && this.hiddenDepth === 0) this.hiddenTag = tag.name;
    if (tag.name === this.hiddenTag) this.hiddenDepth += tag.closing ? -1 : 1;
    if (this.hiddenDepth < 0) this.hiddenDepth = 0;
  }

  /** An element that states a time opens a new passage heard from then. */
  private openPassage(attributes: ReadonlyMap<string, string>): void {
    const stated = statedTime(attributes);
    if (stated === undefined) return;
    this.endCapture();
    if (this.paragraphHasText) this.flush();
    this.pendingStart = parseNormalPlayTime(stated) ?? this.pendingStart;
  }

  private marker(kind: "cite" | "time", closing: boolean): void {
    if (!closing) {
      // A new speaker or a new time starts a new segment, even inside a paragraph.
      this.endCapture();
      if (this.paragraphHasText) this.flush();
      this.capture = { kind, text: "" };
    } else if (this.capture?.kind === kind) {
      this.endCapture();
    }
  }

  // Ends a <cite>, <time> or leading bold, also when the closing tag never comes.
  private endCapture(): void {
    if (!this.capture) return;
    const text = collapseWhitespace(this.capture.text);
    if (this.capture.kind === "cite") this.speaker = text.replace(/\s*:$/, "").trim() || null;
    else if (this.capture.kind === "time")
      this.pendingStart = parseNormalPlayTime(text) ?? this.pendingStart;
    else this.leadingBold = text;
    this.capture = null;
  }

  private flush(): void {
    // A play button's glyph is not speech.
    let text = collapseWhitespace(this.paragraph.replace(/[\u25B6\u25BA\u23F5]/g, ""));
    let paragraphSpeaker = this.speaker;
    const label = boldLabel(text, this.leadingBold);
    if (label) {
      paragraphSpeaker = label.speaker;
      this.speaker = label.speaker;
      text = label.rest;
    }
    this.paragraph = "";
    this.paragraphHasText = false;
    this.leadingBold = null;
    if (text === "") return;
    this.segments.push({ start: this.pendingStart, end: null, speaker: paragraphSpeaker, text });
    this.pendingStart = null;
  }
}

function statedTime(attributes: ReadonlyMap<string, string>): string | undefined {
  for (const [name, value] of attributes) {
    const match = TIME_ATTRIBUTES.has(name) ? STATED_TIME.exec(value) : PLAY_AT.exec(value);
    if (match) return match[1];
  }
  return undefined;
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
