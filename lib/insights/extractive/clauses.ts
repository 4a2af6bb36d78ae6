import { contentTerms } from "./terms";

// Shortening a sentence to a headline's length by dropping whole clauses, so what is left still
// parses: a cut mid-clause ("…the one slot in the week designed for") reads as a mistake.

const BOUNDARY =
  /(?<=[,;:])\s+|\s+(?=[-–—]\s)|\s+(?=(?:because|so that|which|whereas|although|unless|except|and then|but|since|while|so)\s)/gi;
const SUBORDINATE =
  /^(?:if|when|whenever|because|although|though|while|since|once|unless|as|after|before|until|even if|even though|whether)\b/i;
const CONNECTIVE =
  /^(?:[-–—]\s*)?(?:and|but|or|so|because|so that|which|whereas|although|unless|except|since|while|and then|then|that)\b\s*/i;
// A headline that ends on one of these is visibly unfinished.
const WEAK_END = new Set(
  `a an the and or but of to in on for with at by from as that which who because so if when
  is are was were be been being your my our their his her its this these those than then just
  very really about into onto like you i we they it not no`.split(/\s+/),
);

export function fitToLength(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const units = splitUnits(text);
  let best: { text: string; value: number } | null = null;
  for (let from = 0; from < units.length; from++) {
    // A span may start mid-sentence only after a leading subordinate clause ("If X, Y" → "Y").
    if (from > 0 && !(from === 1 && SUBORDINATE.test(units[0] ?? ""))) break;
    for (let to = from; to < units.length; to++) {
      const span = trimEnd(
        units
          .slice(from, to + 1)
          .join(" ")
          .replace(CONNECTIVE, ""),
      );
      if (span.length > limit) break;
      if (span.length < 20) continue;
      const subordinateOnly = SUBORDINATE.test(span) && to === from;
      const value =
        new Set(contentTerms(span)).size + (from === 0 ? 1.5 : 0) - (subordinateOnly ? 6 : 0);
      if (!best || value > best.value) best = { text: span, value };
    }
  }
  return best ? best.text : cutAtWord(text, limit);
}

function splitUnits(text: string): string[] {
  const units: string[] = [];
  let start = 0;
  for (const match of text.matchAll(BOUNDARY)) {
    const at = match.index ?? 0;
    units.push(text.slice(start, at));
    start = at + match[0].length;
  }
  units.push(text.slice(start));
  return units.map((unit) => unit.trim()).filter((unit) => unit !== "");
}

/** No clause fits: cut between words, preferably before a conjunction, never on a weak word. */
function cutAtWord(text: string, limit: number): string {
  const head = text.slice(0, limit + 1);
  const conjunction = /\s(?:and|but|because|so|which|that|when|where|while|with|for|to|if)\s/gi;
  let cut = -1;
  for (const match of head.matchAll(conjunction)) {
    const at = match.index ?? 0;
    if (at >= limit * 0.5 && at <= limit) cut = at;
  }
  const base = cut > 0 ? head.slice(0, cut) : head.slice(0, head.lastIndexOf(" "));
  return trimEnd(base);
}

/** Drops trailing punctuation and words a headline must not end on. */
export function trimEnd(text: string): string {
  let out = text.replace(/[\s,;:.!?…\-–—]+$/, "");
  for (;;) {
    const match = /\s+(\S+)$/.exec(out);
    if (!match || !WEAK_END.has((match[1] ?? "").toLowerCase())) break;
    out = out.slice(0, match.index).replace(/[\s,;:.!?…\-–—]+$/, "");
  }
  return out;
}
