// The text of an insight's share card (a 1200×630 image): the headline cut at a word to what
// four lines hold, and the size to draw it at, larger for shorter headlines.

const MAX_CHARS = 150;

export function cardHeadline(headline: string): { text: string; fontSize: number } {
  const clean = headline.replace(/\s+/g, " ").trim();
  const text = clean.length <= MAX_CHARS ? clean : `${cutAtWord(clean, MAX_CHARS - 1)}…`;
  const fontSize = text.length <= 60 ? 72 : text.length <= 100 ? 60 : 50;
  return { text, fontSize };
}

/** A line of at most `max` characters, cut at a word: "Speaker · Show". */
export function cardByline(parts: (string | null | undefined)[], max = 90): string {
  const line = parts
    .map((part) => part?.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join(" · ");
  return line.length <= max ? line : `${cutAtWord(line, max - 1)}…`;
}

function cutAtWord(text: string, max: number): string {
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return (space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:–—-]+$/, "");
}
