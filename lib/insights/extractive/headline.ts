import { fitToLength, trimPunctuation } from "./clauses";
import { stripDisfluencies } from "./disfluency";
import { toImperative } from "./imperative";
import { dropLeadingMarkers } from "./markers";
import { numeralsForUnits } from "./numerals";
import { contextDependence } from "./standalone";

// The headline is the key sentence's own claim, tidied: no "So, I think", advice in the
// imperative, at most one line. It stays the speaker's words so it can't claim more than they did.

export const HEADLINE_MAX = 90;

// Words that soften a claim without changing it; a headline reads firmer without them.
const HEDGES =
  /\b(?:really|actually|basically|literally|definitely|obviously|honestly|certainly|kind of|sort of|pretty much|(?<!not )just|very|super)\s+/gi;

export type Headline = {
  text: string;
  quality: number;
  /** How much the headline leans on what was said before it; 0 when it stands alone. */
  dependence: number;
  /** Whether the sentence had to be cut to fit: then it is not the whole claim. */
  fragment: boolean;
};

// How much a rewrite or a cut changes how well the headline reads, on the scale of the scores.
const QUALITY = { none: 0.3, clause: 0.1, "main-clause": -0.1, word: -0.4 } as const;
const IMPERATIVE_BONUS = 0.3;
const SHORT_PENALTY = 0.4;

export function headlineFor(sentence: string): string {
  return composeHeadline(sentence).text;
}

/** The headline and how well it reads, so that selection can prefer sentences that make good ones. */
export function composeHeadline(sentence: string): Headline {
  const said = stripDisfluencies(sentence);
  const tidied = dropLeadingMarkers(said)
    .replace(/\s*\([^)]*\)/g, "")
    .replace(/\s+[-–—]\s+[^-–—]{1,60}\s+[-–—]\s+/g, " ")
    .replace(HEDGES, "")
    .replace(/\s+([,.;:!?])/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
  const imperative = toImperative(numeralsForUnits(tidied));
  const fit = fitToLength(compress(trimPunctuation(imperative)), HEADLINE_MAX);
  let text = balanceQuotes(trimPunctuation(fit.text));
  if (text.length < 3)
    text = trimPunctuation(fitToLength(said, HEADLINE_MAX).text) || sentence.trim();
  text = capitalise(text).slice(0, HEADLINE_MAX).trim();
  let quality = QUALITY[fit.cut];
  if (imperative !== numeralsForUnits(tidied)) quality += IMPERATIVE_BONUS;
  // Very short, or cut down to a stub of a long sentence: probably a fragment.
  if (text.split(" ").length < 5 || (fit.cut !== "none" && text.length < 40)) {
    quality -= SHORT_PENALTY;
  }
  const dependence = contextDependence(text);
  return { text, quality: quality - dependence, dependence, fragment: fit.cut !== "none" };
}

/** Words a long headline can lose without changing what it says. */
function compress(text: string): string {
  if (text.length <= HEADLINE_MAX) return text;
  // "say … that they've been waiting" → "say … they've been waiting"; "so that" keeps its "that".
  return text.replace(
    // "after that it was impossible" keeps it: there "that" is what came before, not a conjunction.
    /\b(?<!\b(?:so|such|now|after|before|like|than|with|about|of|from|for|on|in|at|to|by|and|but|or) )that (?=(?:i|you|we|they|he|she|it|people)\b)/gi,
    "",
  );
}

function balanceQuotes(text: string): string {
  const straight = (text.match(/"/g) ?? []).length;
  const opened = (text.match(/“/g) ?? []).length;
  const closed = (text.match(/”/g) ?? []).length;
  if (straight % 2 === 0 && opened === closed) return text;
  return trimPunctuation(text.replace(/["“”]/g, ""));
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
