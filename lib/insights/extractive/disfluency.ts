// Speech noise removed before a sentence is scored or turned into a headline. Quotes and bodies
// keep it: they must stay exactly what was said.

// With the commas around them: "you should, uh, always" → "you should always".
const HESITATIONS =
  /(?:\s*,)?(?:^|\s+)(?:u+m+|u+h+|e+r+m+|e+r+|a+h+|h+m+|m+-?h+m+)(?=[\s,.?!]|$),?/gi;
// Only the comma-marked uses: "like" and "you know" are also real words ("I like it").
// Eats the comma before the filler too: "try to, you know, work" → "try to work".
const COMMA_FILLERS = /(?:,\s*|\s+|^)(?:you know|i mean|like|you see|sort of|kind of),(?=\s|$)/gi;
const LEADING_FILLERS = /^(?:you know|i mean|like|so yeah|yeah)[,\s]+/i;
// "I, I think", "the the": a stutter is the same word twice in a row.
const STUTTER = /\b([A-Za-z']+)(?:,?\s+\1\b)+/gi;

export function stripDisfluencies(text: string): string {
  let out = text
    .replace(HESITATIONS, " ")
    .replace(COMMA_FILLERS, "")
    .replace(STUTTER, (match, word: string) => (/^(?:that|had|is)$/i.test(word) ? match : word))
    .replace(/\s*,\s*(?:,\s*)+/g, ", ")
    .replace(/\s+([,.?!])/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
  for (let previous = ""; previous !== out; ) {
    previous = out;
    out = out.replace(LEADING_FILLERS, "").replace(/^[,;:\s]+/, "");
  }
  return out;
}

export function wordCount(text: string): number {
  const words = text.match(/[A-Za-z0-9][A-Za-z0-9'’.%$-]*/g);
  return words ? words.length : 0;
}
