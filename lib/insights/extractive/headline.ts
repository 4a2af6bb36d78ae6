import { fitToLength, trimEnd } from "./clauses";
import { stripDisfluencies } from "./disfluency";
import { toImperative } from "./imperative";
import { dropLeadingMarkers } from "./markers";

// The headline is the key sentence's own claim, tidied: no "So, I think", advice in the
// imperative, at most one line. It stays the speaker's words so it can't claim more than they did.

export const HEADLINE_MAX = 90;

// Words that soften a claim without changing it; a headline reads firmer without them.
const HEDGES =
  /\b(?:really|actually|basically|literally|definitely|obviously|honestly|certainly|kind of|sort of|pretty much|(?<!not )just|very|super)\s+/gi;

export function headlineFor(sentence: string): string {
  const said = stripDisfluencies(sentence);
  let text = dropLeadingMarkers(said)
    .replace(/\s*\([^)]*\)/g, "")
    .replace(/\s+[-–—]\s+[^-–—]{1,60}\s+[-–—]\s+/g, " ")
    .replace(HEDGES, "")
    .replace(/\s+([,.;:!?])/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
  text = toImperative(text);
  text = trimEnd(fitToLength(trimEnd(text), HEADLINE_MAX));
  text = balanceQuotes(text);
  if (text.length < 3)
    text = trimEnd(fitToLength(said, HEADLINE_MAX)) || said.slice(0, HEADLINE_MAX);
  return capitalise(text).slice(0, HEADLINE_MAX).trim();
}

function balanceQuotes(text: string): string {
  const straight = (text.match(/"/g) ?? []).length;
  const opened = (text.match(/“/g) ?? []).length;
  const closed = (text.match(/”/g) ?? []).length;
  if (straight % 2 === 0 && opened === closed) return text;
  return trimEnd(text.replace(/["“”]/g, ""));
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
