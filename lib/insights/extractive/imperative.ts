// Spoken advice turned into the imperative a headline uses: "you should write it down" is
// "Write it down". Only the simple, unambiguous shapes are rewritten; anything else is left as
// said, because a clumsy rewrite reads worse than the speaker's own words.

// A rewrite may decline (null) once it sees the whole match.
type Rewrite = { pattern: RegExp; replace: (match: RegExpExecArray) => string | null };

const MODAL =
  "(?:should|need to|have to|must|'ve got to|have got to|gotta|got to|ought to|want to|really want to|really need to|really should)";
const NEGATIVE_MODAL = "(?:shouldn't|should not|don't want to|do not want to|mustn't)";

// Verbs of routine practice. "I tell their manager in advance" describes a habit worth copying;
// verbs of state or narrative ("I run a company", "I had") are left out on purpose, and so are
// verbs whose past tense looks like the present ("I read", "I put"): they are usually a story.
const PRACTICE_VERBS =
  "ask|tell|keep|track|use|give|name|write|review|log|label|block|schedule|protect|try|pick|send|share|check|count|bring|pair|book|record|batch|plan|spend|limit|measure|reserve|avoid|default|split|assign|document|test|sample|grade|timebox|time-box|cap|ban|require|follow up|repurpose|reuse|invite|rotate|automate|delegate|skip";
// A habit the speaker regrets must not come out as advice.
const REGRET = /\b(?:mistake|wrong|regret|bad idea|used to|shouldn't have|learned the hard way)\b/i;

const REWRITES: Rewrite[] = [
  {
    // "If you're launching, you should record three episodes" → "If you're launching, record …"
    pattern: new RegExp(
      `^((?:if|when|once|before|after|until|as soon as) [^,]{3,80}), you ${MODAL} (?!be \\w+ing\\b)(.+)$`,
      "i",
    ),
    replace: (m) => `${m[1]}, ${m[2]}`,
  },
  {
    pattern: new RegExp(
      `^((?:if|when|once|before|after) [^,]{3,80}), you ${NEGATIVE_MODAL} (.+)$`,
      "i",
    ),
    replace: (m) => `${m[1]}, don't ${m[2]}`,
  },
  // "You should be opening…" has no clean imperative; it stays as said.
  { pattern: new RegExp(`^you ${MODAL} (?!be \\w+ing\\b)(.+)$`, "i"), replace: (m) => `${m[1]}` },
  { pattern: new RegExp(`^you ${NEGATIVE_MODAL} (.+)$`, "i"), replace: (m) => `Don't ${m[1]}` },
  { pattern: /^you never want to (.+)$/i, replace: (m) => `Never ${m[1]}` },
  {
    pattern: /^the (?:key|trick|secret|answer|fix|goal) (?:is|was) to (.+)$/i,
    replace: (m) => `${m[1]}`,
  },
  {
    pattern: /^(?:my|the best|one piece of|the one piece of) advice (?:is|would be) (?:to )?(.+)$/i,
    replace: (m) => `${m[1]}`,
  },
  {
    // "For most people, I suggest no caffeine after 1 p.m." → "For most people, no caffeine …"
    pattern:
      /^((?:for|with|in|at) [^,]{3,40}, )?(?:i|we)(?:'d| would)? (?:always )?(?:suggest|recommend|advise|encourage)(?: that)?(?: you| people| everyone)? (?:to )?(.+)$/i,
    replace: (m) => `${m[1] ?? ""}${m[2]}`,
  },
  {
    // "What we do is we keep a shared doc" → "Keep a shared doc"
    pattern: /^what (?:i|we) (?:do|did|always do) is,? (?:(?:i|we) )?(.+)$/i,
    replace: (m) => secondPerson(m[1] ?? ""),
  },
  {
    // "I always get this argument" is a complaint, not a habit to copy.
    pattern:
      /^(?:i|we) (always|never) (?!(?:get|got|have|had|hear|heard|think|thought|feel|felt|wonder|say|said|see|saw|forget|remember|want|wanted|was|were|find|found|love|like|hate|worry|know|knew|end up|ended up)\b)(?![a-z]+ed\b)(.+)$/i,
    replace: (m) => `${m[1]} ${secondPerson(m[2] ?? "")}`,
  },
  {
    // "I ask every manager to keep a list of what their team drops" → "Keep a list of what
    // your team drops": the people told are the listener.
    pattern:
      /^(?:i|we) (?:always |usually |now |often )?(?:tell|ask|advise|encourage|coach|teach|push|want|get) ((?:every|each|my|our|the|all|new|most|first-time)\s+)?(?:people|everyone|everybody|clients|customers|founders|folks|managers|manager|engineers|teams?|reports?|leads?|candidates|guests|hosts|podcasters|them|person|direct reports?) to (.+)$/i,
    replace: (m) => secondPerson(thirdPerson(m[2] ?? "")),
  },
  {
    pattern: new RegExp(`^(?:i|we) (?:also |now |usually )?(${PRACTICE_VERBS})\\b(.*)$`, "i"),
    // "I use Dropbox every day" is a preference, not a method: leave named things alone.
    // "We spend so much time helping people install PyTorch" is a complaint, not advice.
    replace: (m) =>
      /^ [A-Z]/.test(m[2] ?? "") ||
      /^ (?:so much|too much|too many|so many|a lot|all (?:our|my) )/i.test(m[2] ?? "")
        ? null
        : `${m[1]}${secondPerson(m[2] ?? "")}`,
  },
];

export function toImperative(text: string): string {
  if (REGRET.test(text)) return text;
  for (const { pattern, replace } of REWRITES) {
    const match = pattern.exec(text);
    if (!match) continue;
    return replace(match) ?? text;
  }
  return text;
}

/** The people a speaker advises, addressed directly: "before they quit" → "before you quit". */
function thirdPerson(text: string): string {
  const swap: Record<string, string> = {
    they: "you",
    them: "you",
    their: "your",
    theirs: "yours",
    themselves: "yourself",
    "they're": "you're",
    "they've": "you've",
    "they'd": "you'd",
    "they'll": "you'll",
  };
  return text.replace(
    /\b(?:they're|they've|they'd|they'll|they|them|their|theirs|themselves)\b/gi,
    (word) => swap[word.toLowerCase()] ?? word,
  );
}

const PERSON: Record<string, string> = {
  i: "you",
  me: "you",
  my: "your",
  mine: "yours",
  myself: "yourself",
  "i'm": "you're",
  "i've": "you've",
  "i'd": "you'd",
  "i'll": "you'll",
  we: "you",
  us: "you",
  our: "your",
  ours: "yours",
  ourselves: "yourselves",
  "we're": "you're",
  "we've": "you've",
  "we'd": "you'd",
  "we'll": "you'll",
};

/** First-person advice addressed to the listener: "I read my notes" → "read your notes". */
function secondPerson(text: string): string {
  // "…and I say the level out loud" → "…and say the level out loud": one subject for the lot.
  return text
    .replace(/\b(and|then|and then|but|or) (?:i|we) (?!(?:'m|am|was|were|'ve|'d|'ll)\b)/gi, "$1 ")
    .replace(
      /\b(?:i'm|i've|i'd|i'll|we're|we've|we'd|we'll|i|me|my|mine|myself|we|us|our|ours|ourselves)\b/gi,
      (word) => {
        // "US" the country stays.
        if (word === "US") return word;
        return PERSON[word.toLowerCase()] ?? word;
      },
    );
}
