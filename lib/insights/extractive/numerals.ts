// Spoken quantities as digits, for headlines only: "ten to twenty minutes" scans as
// "10 to 20 minutes". Only numbers that count a unit are rewritten; "one of the reasons" and
// "one-on-one" stay words.

const SMALL = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

const SMALL_WORD = SMALL.join("|");
const TENS_WORD = TENS.filter(Boolean).join("|");
const UNDER_HUNDRED = `(?:(?:${TENS_WORD})(?:-(?:${SMALL.slice(1, 10).join("|")}))?|${SMALL_WORD})`;
const NUMBER = `(?:(?:${SMALL.slice(1, 10).join("|")}) hundred(?: (?:and )?${UNDER_HUNDRED})?|${UNDER_HUNDRED})`;
const UNIT =
  "(?:seconds?|minutes?|hours?|days?|weeks?|months?|quarters?|years?|percent|people|times|lines|episodes|p\\.m\\.|a\\.m\\.|customers|engineers|examples|outputs)";

const COUNTED = new RegExp(
  // Not at the very start: a sentence does not open with a numeral.
  `(?<!^)\\b(${NUMBER})(?:( to | or | and )(${NUMBER}))?(?=( |-)${UNIT}(?![A-Za-z]))`,
  "gi",
);

export function numeralsForUnits(text: string): string {
  return text
    .replace(
      COUNTED,
      (
        match,
        first: string,
        joiner: string | undefined,
        second: string | undefined,
        _gap: string,
        at: number,
        whole: string,
      ) => {
        const low = toNumber(first);
        const high = second ? toNumber(second) : low;
        // Style: words for one to nine ("two weeks"), digits from ten and for clock times and
        // percentages, which read as figures whatever their size.
        const figure = /^ ?(?:p\.m\.|a\.m\.|percent)/i.test(whole.slice(at + match.length));
        if (Math.max(low, high) < 10 && !figure) return match;
        return second && joiner ? `${low}${joiner}${high}` : `${low}`;
      },
    )
    .replace(/\b(\d+) percent\b/gi, "$1%");
}

function toNumber(words: string): number {
  let total = 0;
  for (const part of words.toLowerCase().split(/[\s-]+/)) {
    if (part === "and") continue;
    if (part === "hundred") {
      total *= 100;
      continue;
    }
    const small = SMALL.indexOf(part);
    if (small >= 0) {
      total += small;
      continue;
    }
    total += TENS.indexOf(part) * 10;
  }
  return total;
}
