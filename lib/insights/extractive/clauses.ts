import { contentTerms } from "./terms";

// Shortening a sentence to a headline's length by dropping whole clauses, so what is left still
// parses: a cut mid-clause ("…the one slot in the week designed for") reads as a mistake.

const BOUNDARY =
  /(?<=[,;:])\s+|\s+(?=[-–—]\s)|\s+(?=(?:because|so that|which|whereas|although|unless|except|and then|but|since|while)\s)/gi;
// Clauses that set up the main one; alone they say nothing ("If your podcast is about you").
const SUBORDINATE =
  /^(?:if|when|whenever|because|although|though|while|since|once|unless|as|after|before|until|even if|even though|whether|rather than|instead of|let's say|say|for instance|for example|imagine|suppose)\b/i;
const CONNECTIVE =
  /^(?:[-–—]\s*)?(?:and|but|or|so|because|so that|which|whereas|although|unless|except|since|while|and then|then|that)\b\s*/i;
// A headline that ends on one of these is visibly unfinished.
const WEAK_END = new Set(
  `a an the and or but of to in on for with at by from as that which who because so if when
  is are was were be been being your my our their his her its this these those than then just
  very really about into onto like i we they not no look well right say says said kind sort
  mean without within before after during over under through across than per via whether
  you're it's that's there's i'm we're they're he's she's what's who's`.split(/\s+/),
);

/**
 * A unit that only leads into what follows it: a short "but at the counter," or a subordinate
 * "so if you sleep at eleven," whose main clause comes next.
 */
function opensNextClause(unit: string): boolean {
  const core = unit.replace(CONNECTIVE, "");
  return SUBORDINATE.test(core) || (CONNECTIVE.test(unit) && unit.split(" ").length <= 4);
}

/** How much of the sentence survived: cuts that lose the start or end mid-clause read worse. */
export type Fit = { text: string; cut: "none" | "clause" | "main-clause" | "word" };

export function fitToLength(text: string, limit: number): Fit {
  if (text.length <= limit) return { text, cut: "none" };
  const units = splitUnits(text);
  let best: { text: string; value: number; from: number } | null = null;
  for (let from = 0; from < units.length; from++) {
    // A span may start mid-sentence only after leading set-up clauses ("If X, Y" → "Y").
    if (from > 0 && !isSetUp(units[from - 1] ?? "")) break;
    // …and only at a main clause: "while you're writing code" is no better alone.
    if (from > 0 && (SUBORDINATE.test(units[from] ?? "") || CONNECTIVE.test(units[from] ?? ""))) {
      continue;
    }
    let afterColon = false;
    for (let to = from; to < units.length; to++) {
      // After a colon comes a list or an explanation; half of it reads as a mistake.
      afterColon ||= to > from && (units[to - 1] ?? "").endsWith(":");
      if (afterColon && to < units.length - 1) continue;
      const joined = units
        .slice(from, to + 1)
        .join(" ")
        .replace(CONNECTIVE, "");
      // Only a cut end can be left dangling; the sentence's own end is fine as said.
      const span = to === units.length - 1 ? trimPunctuation(joined) : trimEnd(joined);
      if (span.length > limit) break;
      if (span.length < 20 || (SUBORDINATE.test(span) && to === from)) continue;
      if (to > from && to < units.length - 1 && opensNextClause(units[to] ?? "")) continue;
      // Starting where the speaker started is worth a few words of content.
      const value = new Set(contentTerms(span)).size + (from === 0 ? 3 : 0);
      if (!best || value > best.value) best = { text: span, value, from };
    }
  }
  if (best) return { text: best.text, cut: best.from === 0 ? "clause" : "main-clause" };
  return { text: cutAtWord(text, limit), cut: "word" };
}

// A short framing opener ("Six months later,", "For most people,", "At fifty people,") sets the
// scene without being the claim.
const FRAMING =
  /^(?:(?:in|on|at|for|with|after|before|over|by|during|within|from|across|since)\b|[\w-]+ (?:\w+ )?(?:later|ago|earlier)\b)/i;

function isSetUp(unit: string): boolean {
  return (
    SUBORDINATE.test(unit) ||
    (unit.endsWith(",") && unit.split(" ").length <= 4 && FRAMING.test(unit))
  );
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
  const conjunction =
    /\s(?:and|but|because|so|which|that|when|where|while|with|without|for|to|if|unless|by)\s/gi;
  let cut = -1;
  for (const match of head.matchAll(conjunction)) {
    const at = match.index ?? 0;
    if (at >= limit * 0.5 && at <= limit) cut = at;
  }
  const base = cut > 0 ? head.slice(0, cut) : head.slice(0, head.lastIndexOf(" "));
  return trimEnd(base);
}

export function trimPunctuation(text: string): string {
  return text.replace(/[\s,;:.!?…\-–—]+$/, "");
}

// Asides that end a cut clause as an afterthought: "…the feature set of Lambda, for instance".
const TRAILING_ASIDE =
  /,\s*(?:for instance|for example|you know|i think|i guess|right|basically|as well)$/i;

/** Drops trailing punctuation and words a headline must not end on. */
export function trimEnd(text: string): string {
  let out = trimPunctuation(text);
  for (let previous = ""; previous !== out; ) {
    previous = out;
    out = trimPunctuation(out.replace(TRAILING_ASIDE, ""));
    const match = /\s+(\S+)$/.exec(out);
    if (match && WEAK_END.has((match[1] ?? "").toLowerCase())) {
      out = trimPunctuation(out.slice(0, match.index));
    }
  }
  return out;
}
