// Openers that link a sentence to the conversation but add nothing to its claim. Removing them
// is what lets "So I think you should write it down" read as "you should write it down".

// Words that open sentences with a claim too ("No one reads it", "Look at the numbers") count
// as markers only when a comma sets them off.
const COMMA_ONLY = [
  "no",
  "right",
  "see",
  "look",
  "listen",
  "like",
  "really",
  "again",
  "now",
  "well",
  "first",
  "second",
  "third",
  "secondly",
  "thirdly",
  "finally",
  "lastly",
  "after that",
  "since then",
  "from then on",
  "these days",
  "nowadays",
  "today",
];
const FREE = [
  "so",
  "and",
  "but",
  "or",
  "okay",
  "ok",
  "oh",
  "ah",
  "yeah",
  "yes",
  "plus",
  "also",
  "anyway",
  "basically",
  "actually",
  "honestly",
  "obviously",
  "of course",
  "personally",
  "you know",
  "i mean",
  "to be honest",
  "in my experience",
  "at the end of the day",
  "ultimately",
  "and then",
  "but then",
  "then again",
  "the thing is",
  "here's the thing",
  "i think(?: that)?",
  "i feel like",
  "i would say(?: that)?",
  "i'd say(?: that)?",
  "i guess",
  "i believe(?: that)?",
  "i would argue(?: that)?",
  "i'd argue(?: that)?",
];
// Longest first, so "and then" goes as a whole instead of leaving "then" behind.
const byLength = (a: string, b: string) => b.length - a.length || a.localeCompare(b);
const LEADING = new RegExp(
  `^(?:(?:${[...FREE].sort(byLength).join("|")})(?:[,:;]|\\s+-+)?\\s+|(?:${[...COMMA_ONLY].sort(byLength).join("|")}),\\s+)`,
  "i",
);

export function dropLeadingMarkers(text: string): string {
  let out = text.trim();
  for (let previous = ""; previous !== out; ) {
    previous = out;
    out = out.replace(LEADING, "").replace(/^[,;:\s-]+/, "");
  }
  return out;
}
