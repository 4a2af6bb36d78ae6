import { wordCount } from "./disfluency";
import { dropLeadingMarkers } from "./markers";

// How much a sentence sounds like something a listener could act on, from its wording alone.
// Centrality finds what the episode is about; these cues pick, among those sentences, the ones
// that say something specific instead of circling it.

const ADVICE = [
  /\byou (?:should|shouldn't|need to|have to|want to|don't want to|never want to|must|can't|gotta|'ve got to|have got to)\b/i,
  /\b(?:make sure|be sure to|remember to|don't forget to)\b/i,
  /\bthe (?:key|trick|secret|goal|rule|lesson|point|answer|fix|mistake|difference|test|question to ask) (?:is|was)\b/i,
  /\b(?:what (?:we|i) do is|what works is|what helped (?:me|us) (?:was|is)|here's what)\b/i,
  /\brules? of thumb\b/i,
  /\b(?:my|the best|the one piece of) advice\b/i,
  /\b(?:the best way|the easiest way|the fastest way|the right way|the only way)\b/i,
  /\b(?:i'd|i would|we) (?:recommend|suggest|rather)\b/i,
  /\b(?:i|we) (?:now|stopped|switched)\b/i,
  // "I will never forget" is a memory, not a rule.
  /(?<!\bwill )\b(?:always|never)\b(?! (?:forget|forgot|be|been|have|had|hold|know|knew|seen|thought))/i,
  /\bevery (?:time|week|day|month|morning|quarter|friday|monday)\b/i,
  /\b(?:most (?:common|important)|biggest|number one|first thing)\b/i,
];
const CONTRAST = [
  /\binstead of\b/i,
  /\brather than\b/i,
  /\bnot\b[^.;]{1,40}\bbut\b/i,
  /, not (?:in |at |on |the |a |an |their |your |my )?\w+/i,
  /\bmore than\b|\bless than\b|\bbetter than\b|\bworse than\b/i,
  /\bunless\b|\bwhereas\b|\bthe difference\b/i,
];
const CAUSE = /\b(?:because|so that|which means|that's why|the reason|otherwise|if you)\b/i;
const NUMBER =
  /\b(?:\d+(?:[.,]\d+)?%?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred|thousand|million|half|twice|double|percent)\b/gi;
const DURATION =
  /\b(?:seconds?|minutes?|hours?|days?|weeks?|months?|quarters?|years?|weekly|daily|monthly|quarterly)\b/i;
// Imperatives a speaker uses to give advice ("Protect it, let them drive it").
const IMPERATIVE =
  /^(?:try|start|stop|make|keep|write|ask|use|avoid|focus|get|put|build|give|set|pick|treat|read|spend|find|take|let|learn|remember|check|measure|track|limit|protect|schedule|block|ship|hire|say|tell|pay|plan|test|record|listen|invest|cut|drop|create|add|include|share|choose|commit|document|automate|don't|do|never|always|think|look|go|be|batch|prepare|call|send|run|bring|leave|assume|label|count|log|pair|negotiate|counter|know|delegate|aim|default|prioritize|reduce|split|turn|move|name|show|stick|join|define|decide|follow|talk|work|watch|notice|buy|sell|invite|pitch|promote|repurpose|reach|respond|review|time-box|timebox|spin)\b/i;

/** Whether a sentence opens with a verb of advice: "Keep…", "Ask…", "Don't…". */
export function isImperative(text: string): boolean {
  return IMPERATIVE.test(text);
}

const VAGUE = [
  /\bthat's (?:a )?(?:really |very |so )?(?:great|good|interesting|fair|awesome|amazing|cool|fun|fascinating|excellent) (?:question|point)\b/i,
  /\b(?:i think )?(?:that's|it's|that is) (?:really |very |so |super )?(?:interesting|fascinating|cool|awesome|amazing|funny|crazy|wild)\b/i,
  /\bwe(?:'ve| have)? talked about\b|\bwe(?:'ll| will) (?:talk|get) (?:about|to)\b|\blet's talk about\b|\bwe(?:'re| are) going to (?:talk|discuss)\b/i,
  /\bi (?:don't know|'m not sure|am not sure|can't remember|remember when)\b/i,
  /\b(?:as i said|like i said|as you said|like you said|good point|i agree|i love that|i like that)\b/i,
  /\b(?:anyway|whatever|stuff like that|and so on|or something|and everything)\b/i,
  /\b(?:i guess|i suppose|maybe|probably|kind of|sort of|a little bit)\b/i,
];
// Starting with a bare pronoun means the quote leans on something said before it.
const DANGLING =
  /^(?:it|that|this|those|these|they|he|she|them|which|there)\b(?!'s (?:a|an|the|no|one) )/i;
// "I keep a shared doc": a practitioner describing what they do is advice in the first person.
const PRACTICE =
  /^(?:i|we) (?:always |usually |now |also |still )?(?!(?:was|were|had|think|thought|mean|guess|feel|felt|work|live|don't|didn't|can't|couldn't|am|just|remember|love|like|wanted|want|would|could|should|might|will|have|got|went|said|say|know|knew|did|do|wish|hope|believe|see|saw|need|needed|really|kind|sort|get|go|come|came|met|spoke|put|read|took|made|gave|told|began|found|built|wrote|ran|bought|brought|left|kept|heard|lost|won|sat|stood|set|let|cut|actually|probably|definitely)\b)(?![a-z]+ed\b)[a-z]+\b/i;
// Host moves and one-word answers lean on the conversation around them.
const CONVERSATIONAL = [
  /^let's\b/i,
  /\bi (?:really )?want(?:ed)? to (?:ask|talk|start|get|go back|come back|switch|move)\b/i,
  /\byou (?:mentioned|said|talked about|were saying|brought up)\b/i,
  // An answer leaning on its question: "Until about twenty-five people, yes, every two weeks."
  /, (?:yes|yeah|no|exactly|right),/i,
  /\btell (?:me|us) (?:about|more)\b/i,
  /\b(?:going to|gonna) (?:talk|get into|cover|discuss|dive)\b/i,
  /^(?:always|never|absolutely|exactly|definitely|totally|weekly|daily|yes|no|sure|both|neither)\b,/i,
];
// First-person past tense is usually a story; the lesson, if any, comes in another sentence.
const STORY =
  /^(?:i|we) (?:\w+ly )?(?:[a-z]+ed|met|spoke|spent|went|came|got|took|made|gave|told|began|found|built|wrote|ran|saw|knew|thought|bought|brought|left|kept|heard|lost|won|sat|stood|was|were|had|said|did|remember)\b/i;
const NAMED = /(?<=\s)(?:[A-Z][a-z]+[A-Za-z]*|[A-Z]{2,}[a-z]?)\b/g;
const NOT_NAMES = new Set(["I", "I'm", "I've", "I'd", "I'll", "OK", "Okay"]);

export type CueScore = { advice: number; specificity: number; vagueness: number };

export function cueScore(clean: string): CueScore {
  const core = dropLeadingMarkers(clean);
  let advice = 0;
  for (const pattern of ADVICE) if (pattern.test(core)) advice += 0.5;
  if (IMPERATIVE.test(core) && !/^(?:do|be|know|think|go|look|work)\b/i.test(core)) advice += 0.8;
  else if (/^(?:do|don't|be)\b/i.test(core) && !/\?$/.test(core)) advice += 0.4;
  for (const pattern of CONTRAST) if (pattern.test(core)) advice += 0.4;
  if (PRACTICE.test(core)) advice += 0.5;
  if (CAUSE.test(core)) advice += 0.2;

  const numbers = Math.min(core.match(NUMBER)?.length ?? 0, 3);
  const names = (core.match(NAMED) ?? []).filter((word) => !NOT_NAMES.has(word)).length;
  const specificity = 0.25 * numbers + (DURATION.test(core) ? 0.3 : 0) + 0.15 * Math.min(names, 3);

  let vagueness = 0;
  for (const pattern of VAGUE) if (pattern.test(core)) vagueness += 0.6;
  if (DANGLING.test(core)) vagueness += 0.5;
  for (const pattern of CONVERSATIONAL) if (pattern.test(core)) vagueness += 0.7;
  if (STORY.test(core)) vagueness += 0.3;
  // Very short claims rarely stand alone; long ones ramble.
  const length = wordCount(core);
  if (length < 8) vagueness += 0.3;
  if (length > 40) vagueness += 0.3 * ((length - 40) / 10);

  return { advice: Math.min(advice, 2.2), specificity: Math.min(specificity, 1.2), vagueness };
}
