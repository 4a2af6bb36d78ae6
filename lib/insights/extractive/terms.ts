// Content terms of a sentence: lowercased, stopwords dropped, crudely stemmed. Good enough to
// tell that "delegating" and "delegation" are about the same thing; never shown to anyone.

const STOPWORDS = new Set(
  `a about above after again against all also am an and any are aren't as at be because been
  before being below between both but by can can't cannot could couldn't did didn't do does
  doesn't doing don't down during each few for from further had hadn't has hasn't have haven't
  having he he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll
  i'm i've if in into is isn't it it's its itself let's me more most mustn't my myself no nor
  not of off on once only or other ought our ours ourselves out over own same shan't she she'd
  she'll she's should shouldn't so some such than that that's the their theirs them themselves
  then there there's these they they'd they'll they're they've this those through to too under
  until up very was wasn't we we'd we'll we're we've were weren't what what's when when's where
  where's which while who who's whom why why's will with won't would wouldn't you you'd you'll
  you're you've your yours yourself yourselves yeah yes yep okay ok oh um uh like just really
  actually basically literally know think thing things stuff lot lots gonna wanna gotta kind
  sort pretty maybe probably something anything everything nothing someone anyone everyone one
  ones get got getting go going goes went say said says mean means right well sure much many
  even still way ways bit little able also could might must shall us let lets want wanted
  see come came make made take took there's it'd that'd who'd what'd there'd sometimes always
  never often usually every`.split(/\s+/),
);

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

export function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/’/g, "'")
      .match(/[a-z0-9]+(?:['-][a-z0-9]+)*/g) ?? []
  );
}

export function contentTerms(text: string): string[] {
  const terms: string[] = [];
  for (const word of words(text)) {
    if (STOPWORDS.has(word) || word.length < 2) continue;
    terms.push(stem(word.replace(/'s$/, "")));
  }
  return terms;
}

const SUFFIXES: [RegExp, string][] = [
  [/ational$/, "ate"],
  [/ization$/, "ize"],
  [/iveness$/, "ive"],
  [/fulness$/, "ful"],
  [/ousness$/, "ous"],
  [/ations?$/, "ate"],
  [/ments?$/, ""],
  [/ness$/, ""],
  [/ingly$/, ""],
  [/edly$/, ""],
  [/ies$/, "y"],
  [/ied$/, "y"],
  [/ing$/, ""],
  [/ed$/, ""],
  [/ly$/, ""],
  [/ers?$/, ""],
  [/es$/, "e"],
  [/([^su])s$/, "$1"],
];

/** A light suffix stripper: maps inflections of one word onto a shared key. */
export function stem(word: string): string {
  if (word.length <= 4 || /\d/.test(word)) return word;
  for (const [suffix, replacement] of SUFFIXES) {
    if (!suffix.test(word)) continue;
    const stemmed = word.replace(suffix, replacement);
    if (stemmed.length < 3) return word;
    // "running" → "runn" → "run"; "planned" → "plann" → "plan".
    return stemmed.replace(/([bdfgmnprt])\1$/, "$1").replace(/e$/, "");
  }
  return word.replace(/e$/, "");
}
