import { wordCount } from "./disfluency";
import type { Sentence } from "./sentences";

// Sponsor reads. A read starts at a trigger ("brought to you by X") and runs on for as long as
// the sponsor keeps being named: host-read ads wander into anecdotes that sound like advice
// ("Don't do this. Just use X"), so the name, not the wording, is what holds a read together.

// Phrases that only ever introduce a sponsor. "Supported by" alone is too common in tech talk
// ("Python 3.12 is supported by Lambda"), so it needs the show or an ad-style appositive.
const TRIGGER =
  /\b(?:brought to you by|sponsored by)\b|\b(?:episode|show|podcast)\b[^.?!]{0,40}\b(?:supported|presented|powered) by\b|\bis (?:supported|presented) by [A-Z][\w.]*(?: [A-Z][\w.]*)?, (?:the|a|an|makers?)\b/i;
const SPONSOR_NAME =
  /\bby\s+(?:our (?:good )?friends at |the (?:good )?(?:folks|people|team) at )?([A-Za-z0-9][\w.&' -]*?)(?=\s*(?:[,;:!?]|\.(?:\s|$)|$|\s+(?:for|the|who|which|makers|an?)\b))/i;
const STANDALONE = [
  /\b(?:promo|discount|coupon|offer) code\b/i,
  /\buse (?:the )?code\b/i,
  /\b\d+\s?(?:%|percent) off\b/i,
  /\bfree (?:trial|for \w+ (?:days|weeks|months))\b/i,
  /\b(?:first|\w+) months? free\b/i,
  /\blisteners get\b/i,
  /\bno credit card required\b/i,
  /\b(?:go to|head to|visit|check (?:us |it |them )?out at|sign up at|learn more at|try it (?:free )?(?:at|for)|free at)\s+\S+\s?(?:\.|dot)\s?(?:com|io|fm|co|org|net|dev|app|ai|example)\b/i,
  /\bsponsor(?:s|ing|ed)?\b/i,
  /\b(?:quick|short) (?:break|pause)\b/i,
];
// A read ends once this many words go by without the sponsor's name or ad wording: about a
// minute of talk, which host-read ads fill with anecdotes.
const MAX_GAP_WORDS = 150;
const MAX_TRIGGER_TAIL = 3;

export function findAds(sentences: readonly Sentence[]): boolean[] {
  const ad = sentences.map((s) => STANDALONE.some((pattern) => pattern.test(s.text)));
  const sponsors = sponsorPatterns(sentences);
  // Naming the sponsor is promotion wherever it happens, even far from the read.
  const mentions = sentences.map((s) => ad[s.index] || sponsors.some((p) => p.test(s.text)));
  mentions.forEach((named, i) => {
    if (named) ad[i] = true;
  });
  sentences.forEach((sentence, start) => {
    if (!TRIGGER.test(sentence.text)) return;
    ad[start] = true;
    let lastMention = start;
    let gap = 0;
    for (let i = start + 1; i < sentences.length; i++) {
      const next = sentences[i];
      if (!next || next.stream !== sentence.stream) break;
      if (mentions[i]) {
        for (let j = lastMention + 1; j <= i; j++) ad[j] = true;
        lastMention = i;
        gap = 0;
        continue;
      }
      if (/^(?:okay|ok|all right|alright|anyway)\b.*\bback\b|\bback to\b/i.test(next.text)) break;
      // The sentences right after a trigger are the pitch even when they don't name anyone.
      if (i - start <= MAX_TRIGGER_TAIL && lastMention === i - 1 && !isReturn(next.text)) {
        ad[i] = true;
        lastMention = i;
        continue;
      }
      gap += wordCount(next.text);
      if (gap > MAX_GAP_WORDS) break;
    }
  });
  return ad;
}

function isReturn(text: string): boolean {
  return /^(?:okay|ok|so|all right|alright|anyway|now|let's)\b/i.test(text);
}

/** Word-boundary patterns for each sponsor named anywhere in the episode. */
function sponsorPatterns(sentences: readonly Sentence[]): RegExp[] {
  const names = new Set<string>();
  for (const sentence of sentences) {
    if (!TRIGGER.test(sentence.text)) continue;
    const match = SPONSOR_NAME.exec(sentence.text.slice(sentence.text.search(TRIGGER)));
    for (const part of (match?.[1] ?? "").split(/\s+(?:and|&)\s+/i)) {
      const name = part.trim().split(/\s+/)[0] ?? "";
      // A lone common word ("the", "all") would match everything.
      if (
        name.replace(/\W/g, "").length >= 4 &&
        !/^(?:all|our|their|the|everyone|you)$/i.test(name)
      ) {
        names.add(name.toLowerCase());
      }
    }
  }
  return [...names].sort().map((name) => {
    const parts = name
      .split(/[.\-\s]+/)
      .filter(Boolean)
      .map(escapeRegExp);
    return new RegExp(`\\b${parts.join("[\\s.\\-]*")}\\b`, "i");
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
