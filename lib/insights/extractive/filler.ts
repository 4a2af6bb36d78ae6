import { words } from "./terms";

// Talk that is never an insight: the show's greetings and sign-offs, and backchannel. Listeners
// skip it, and it tends to look central to TextRank because every episode repeats it.

const SHOW_TALK = [
  /\bwelcome (?:back )?to\b/i,
  /\b(?:hey|hi|hello)\b.{0,20}\b(?:welcome|everyone|everybody|folks|there)\b/i,
  /^(?:\w+, )?welcome\b/i,
  /^(?:hey|hi|hello|howdy)\b/i,
  /\bthank(?:s| you)\b.{0,40}\bfor (?:having|joining|coming|being|listening|tuning)\b/i,
  /^(?:[Ii]'m|[Ii] am|[Tt]his is) [A-Z][\w'-]+(?: [A-Z][\w'-]+)?[.!]?$/,
  /\b(?:[Ii]'ve|[Ww]e've|[Ii] have|[Ww]e have) got [A-Z][\w'-]+.{0,40} with (?:me|us)\b/,
  /\b(?:happy|glad|great|excited|thrilled|good|nice) (?:to (?:be here|have you|be on|be back|chat|talk)|you could (?:join|make it))\b/i,
  /\bsee you (?:next|in the next|soon|then|all)\b/i,
  /\buntil next time\b/i,
  /\b(?:subscribe|rate and review|leave (?:us )?a review|five[- ]star|wherever you get your podcasts|follow (?:us|the show) on)\b/i,
  /\b(?:my name is|i'm joined by|joined (?:today )?by|with me (?:today|here|again|as always)|my (?:guest|co-?host)s? (?:today |this week )?(?:is|are))\b/i,
  /\b(?:in|on) (?:today's|this|this week's|the next|this special) (?:episode|show)\b/i,
  /\b(?:today|this week),? (?:we(?:'re| are)|i'm|i am) (?:going to |gonna )?(?:talk|talking|chat|chatting|discuss|discussing|speaking)\b/i,
  /\bthis week's question\b/i,
  /\b(?:link|links) (?:is |are )?in the show ?notes\b/i,
  /\b(?:in|to) the show ?notes\b|\blink (?:it|to it|that|them)\b/i,
  /\b(?:patreon|buy me a coffee|promo code|discount code|use (?:the )?code)\b/i,
  /\blet's (?:dive|jump|get started|get into it|kick (?:it|things) off)\b/i,
  /\byou(?:'re| are) listening to\b/i,
  /\bthat's (?:all|it) for (?:today|this week|this episode|now)\b/i,
  /\b(?:bye|goodbye|take care|cheers)[.!]?$/i,
  /\b(?:look forward to (?:reading|hearing|seeing) (?:all )?your|let us know (?:in the comments|what you think)|leave (?:us )?a comment|in the comments)\b/i,
];

// Words that carry no claim on their own; a sentence made only of them is backchannel.
const BACKCHANNEL = new Set(
  `yeah yes yep yup no nope right exactly okay ok sure totally absolutely true cool nice great
  wow oh ah uh um mm mhm hmm mm-hmm uh-huh indeed definitely of course interesting perfect
  good agreed correct so well yeah totally fair point love that amazing awesome thanks thank
  you it is that's it's wonderful fantastic 100 percent i agree same and but`.split(/\s+/),
);

export function isShowTalk(text: string): boolean {
  return SHOW_TALK.some((pattern) => pattern.test(text));
}

export function isBackchannel(text: string): boolean {
  const tokens = words(text);
  return tokens.length === 0 || tokens.every((token) => BACKCHANNEL.has(token));
}
