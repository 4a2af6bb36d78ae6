// Whether a headline says something a reader understands without the episode. A headline is read
// alone, in a list: "Almost every company expects that" or "Work with them to get to that point"
// lean on a sentence the reader never saw, and a question or a "let's say" sets up a claim
// without making it. Each pattern found costs the sentence some of its score, so a neighbour
// that states the point outright wins instead.

import { isImperative } from "./cues";

// Words that only point back at something said before: "That is why…", "Then ask for…".
const REFERENTIAL_START =
  /^(?:that|this|it|its|they|them|their|those|these|he|she|him|his|her|so|and|but|or|which|then|also|another|both|either|neither|same|such|here|there(?!'s| is| are))\b/i;
// A demonstrative with no noun after it: "expects that, and…", "apply that to…", "than that".
const DANGLING_DEMONSTRATIVE =
  /\b(?:that|this|those|these)(?=\s*(?:[,;:.!?]|$)|\s+(?:and|but|or|so|because|to|for|with|from|into|onto|as|again|too|either|first|now|later|anymore)\b)/i;
// A demonstrative determiner pointing at something earlier: "to get to that point".
const DEMONSTRATIVE_NOUN =
  /\b(?:that|those|these) (?:point|stage|moment|one|ones|part|thing|things|kind|type|sort|idea|approach|stuff|level|place|way|problem|number|question|situation|case|time)\b/i;
// People the reader hasn't met: "Keep a shared doc, and they add topics".
const PRONOUN = /\b(?:they|them|their|he|him|his|she|her)\b/gi;
// Sets up a claim without making it.
const HYPOTHETICAL =
  /^(?:let's say|let us say|say|imagine|suppose|picture this|pretend|for instance|for example|what if|hypothetically)\b|\b(?:let's say|for instance|for example|imagine (?:that|you|if)|suppose (?:that|you))\b/i;
const QUESTION =
  /\?$|^(?:what|why|how|who|whom|whose|where|which)\s+(?:is|are|was|were|do|does|did|can|could|would|should|will|has|have|if|about|kind)\b|^(?:is|are|was|were|do|does|did|can|could|would|should|will|has|have|am|isn't|aren't|don't|doesn't|didn't)\s+(?:you|we|they|it|there|i|he|she|that|this|the|a|an|your|our|their|anyone|people)\b/i;
// A subordinate clause left on its own: "If you have to be thinking about more than four things".
const ORPHAN_CLAUSE =
  /^(?:if|when|whenever|until|because|although|though|unless|while|since|once|whether|as soon as|even if|even though)\b[^,;:]*$/i;
// An answer that leans on its question: "Until about twenty-five people, yes, every two weeks".
const ANSWER = /, (?:yes|yeah|no|exactly|right|sure)(?:,|$)/i;
// Narrative: what happened once ("One Friday I went through…"), not what to do.
const STORY =
  /^(?:(?:one|last|that) (?:day|night|morning|afternoon|evening|week|weekend|month|year|time|friday|monday|tuesday|wednesday|thursday|saturday|sunday) |once,? |back then |[^,]{1,40}, )?(?:i|we|he|she) (?:once |first |then |finally |eventually |originally |initially |\w+ly )?(?:[a-z]+ed|met|spoke|spent|went|came|got|took|made|gave|told|began|found|built|wrote|ran|saw|knew|thought|bought|brought|left|kept|heard|lost|won|sat|stood|was|were|had|said|did|mentioned|felt|fell|grew|drew|chose|broke|became)\b/i;

// Signs of a finite verb. Without one, a headline is a list or an answer's fragment ("A written
// weekly update, every Friday, from me to the whole company") whose verb was in the question.
const AUXILIARY =
  /\b(?:is|are|was|were|be|been|am|has|have|had|do|does|did|will|would|can|could|should|must|may|might|shall|need|needs|get|gets|got|goes|went|keeps|makes|takes|gives)\b|'(?:s|re|ve|ll|d|m)\b|n't\b/i;
const SUBJECT =
  /\b(?:i|you|we|they|he|she|it|people|nobody|everyone|everybody|who|that|which) [a-z]/i;
const PAST = /\b(?!(?:instead|hundred|sacred|naked|wicked|kindred)\b)[a-z]{2,}(?<!e)ed\b/i;
// "-s" words that read as verbs: not right after a number, article or preposition ("six months").
const THIRD_PERSON =
  /(?<!\b(?:a|an|the|of|to|in|on|for|with|at|by|from|every|each|some|few|many|all|and|or|your|my|our|their|his|her|its|these|those|no|\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|fifty|hundred|more|less|most) )\b[a-z]{2,}s\b(?<![su]s|is|ys)/i;

// "No caffeine after lunch" is a rule even without a verb.
const PROHIBITION = /(?:^|[,;:] )no [a-z]/i;

export function hasVerb(text: string, imperative: boolean): boolean {
  return (
    imperative ||
    PROHIBITION.test(text) ||
    AUXILIARY.test(text) ||
    SUBJECT.test(text) ||
    PAST.test(text) ||
    THIRD_PERSON.test(text.replace(/^\S+\s*/, ""))
  );
}

const WEIGHTS = {
  start: 0.8,
  dangling: 0.6,
  determiner: 0.3,
  pronoun: 0.15,
  pronounCap: 0.3,
  hypothetical: 0.8,
  question: 1,
  orphan: 0.6,
  answer: 0.6,
  story: 0.4,
  verbless: 0.6,
} as const;

/**
 * How much a headline leans on context a reader of the headline alone doesn't have; 0 when it
 * stands on its own. On the scale of the selection scores.
 */
export function contextDependence(headline: string): number {
  const text = headline.trim();
  let cost = 0;
  if (REFERENTIAL_START.test(text)) cost += WEIGHTS.start;
  if (DANGLING_DEMONSTRATIVE.test(text)) cost += WEIGHTS.dangling;
  else if (DEMONSTRATIVE_NOUN.test(text)) cost += WEIGHTS.determiner;
  const pronouns = text.match(PRONOUN)?.length ?? 0;
  cost += Math.min(WEIGHTS.pronounCap, WEIGHTS.pronoun * pronouns);
  if (HYPOTHETICAL.test(text)) cost += WEIGHTS.hypothetical;
  if (QUESTION.test(text)) cost += WEIGHTS.question;
  if (ORPHAN_CLAUSE.test(text)) cost += WEIGHTS.orphan;
  if (ANSWER.test(text)) cost += WEIGHTS.answer;
  if (STORY.test(text)) cost += WEIGHTS.story;
  if (!hasVerb(text, isImperative(text))) cost += WEIGHTS.verbless;
  return cost;
}

/** Whether a headline can be read alone: it opens on its own subject and asks nothing. */
export function standsAlone(headline: string): boolean {
  const text = headline.trim();
  return (
    !REFERENTIAL_START.test(text) &&
    !DANGLING_DEMONSTRATIVE.test(text) &&
    !HYPOTHETICAL.test(text) &&
    !QUESTION.test(text) &&
    !ORPHAN_CLAUSE.test(text) &&
    !ANSWER.test(text)
  );
}
