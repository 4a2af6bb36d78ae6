import { TOPICS, type TopicSlug } from "./topics";

// Puts insights on the controlled topic vocabulary: from text with a keyword lexicon (the
// offline extractor), and from a model's free-form labels ("Engineering Management", "ML").
// Only vocabulary slugs ever come out, whatever goes in.

// Lexicon entries, comma-separated: "word" matches the word and its plural, "stem*" any word
// starting with the stem, and spaces inside an entry match spaces or hyphens, so "one on one*"
// also finds "one-on-ones".
const LEXICON: Record<TopicSlug, string> = {
  leadership: `lead, leads, leader*, leadership, vision*, culture, delegat*, trust, mission,
    values, decision*, decid*, empower*, align*, accountab*, executive*, ceo, authority,
    autonom*, inspir*, strateg*, candor, transparen*, ownership, influence*, legib*, founder*`,
  management: `manag*, one on one*, direct report*, feedback, performance review*, team, teams,
    standup*, status meeting*, status update*, skip level*, agenda*, praise, coach*, mentor*,
    blocker*, burnout, expectation*, headcount, promot*, org chart*, reorg*, check in*, report`,
  careers: `career*, promotion*, job search*, resume*, salary, salaries, raise, raises, job offer*,
    self review*, ladder*, staff engineer*, individual contributor*, ic, pay band*, job move*,
    job change*, quit*, layoff*, side project*, title, employer*, recency bias`,
  startups: `startup*, start up*, founder*, early stage, customer*, mvp, product market fit,
    pivot*, churn*, runway, bootstrap*, seed, launch*, entrepreneur*, traction, go to market,
    saas, small business*, first ten, self serve`,
  product: `product*, feature*, user*, customer*, user research, roadmap*, onboard*, activation,
    retention, churn*, feature request*, prototyp*, ux, usability, pain point*, adoption,
    self serve, signup*, discovery, pricing, problem*`,
  engineering: `engineer*, code, coding, pull request*, code review*, review*, reviewer*, deploy*,
    software, bug*, test*, tech debt, technical debt, architect*, refactor*, design doc*, ci,
    merge*, migration*, api*, infrastructure, latency, reliab*, developer*, programm*, diff,
    diffs, repositor*, tech lead*, eval*`,
  ai: `ai, artificial intelligence, llm*, language model*, machine learning, ml, model, models,
    prompt*, eval*, gpt*, chatbot*, neural network*, hallucinat*, agent*, embedding*, fine tun*,
    inference, generative, grader*, labeled example*, accuracy`,
  design: `design*, ux, ui, user experience, interface*, typograph*, visual*, layout*, prototyp*,
    figma, wireframe*, aesthetic*, brand*, color*, colour*, usabilit*, accessib*`,
  marketing: `marketing, brand*, audience*, campaign*, seo, content marketing, word of mouth,
    referral*, advertis*, ad, funnel*, acquisition, newsletter*, social media, positioning,
    messaging, viral, channel*, launch*`,
  sales: `sale*, sell*, selling, prospect*, deal*, pipeline*, quota*, pricing, price*, cold email*,
    outreach, buyer*, procurement, demo*, introduction*, referral*, conversion, contract*,
    discount*, objection*, upsell*, renewal*, sales lead*, leads`,
  fundraising: `fundrais*, investor*, vc, vcs, venture capital, venture, seed round*, series a,
    series b, valuation*, pitch*, pitch deck*, term sheet*, angel*, dilution, cap table*,
    raise a round, convertible note*`,
  productivity: `productiv*, focus*, habit*, deep work, distraction*, calendar*, schedul*,
    priorit*, to do, todo, procrastinat*, bottleneck*, efficien*, workflow*, routine*, time box*,
    interrupt*, backlog*, overload*, batch*, checklist*, energy, waiting on, silence as consent`,
  health: `health*, sleep*, nap, naps, napping, exercis*, diet*, nutrition*, caffeine, coffee,
    fitness, burnout, stress*, circadian, fatigue, tired*, alertness, walk, walks, walking,
    doctor*, medic*, disease*, wellbeing, well being, anxiety, workout*, jet lag, bedtime`,
  science: `scien*, research*, study, studies, experiment*, lab, laborator*, evidence, hypothes*,
    physics, biolog*, chemistr*, neuro*, brain*, circadian, half life, participant*, trial*,
    theory, theories`,
  economics: `econom*, inflation, bitcoin*, cryptocurrenc*, blockchain*, currenc*, market, markets, gdp, interest rate*, recession*, monetary,
    fiscal, trade war*, trade polic*, tariff*, supply and demand, wage*, incentive*, budget*,
    policy, policies, labor market*, unemployment`,
  investing: `invest*, stock*, portfolio*, equity, options, shares, dividend*, index fund*, bond,
    bonds, asset*, valuation*, compound*, diversif*, exercise window, liquidation, etf*, upside`,
  "personal-finance": `personal finance, saving*, budget*, salary, salaries, debt*, mortgage*,
    rent, expense*, retire*, emergency fund*, runway, spending, income, paycheck*, tax*,
    sign on bonus*, bonus*, compensation, pay, afford*, money, savings`,
  history: `histor*, century, centuries, ancient, war, wars, wartime, empire*, medieval,
    revolution*, archiv*, era, dynast*, colonial*, world war*, civilization*`,
  culture: `pop culture, cultural, art, arts, artist*, artwork*, music*, film*, movie*, book*,
    literature, novel*, television, tv, societ*, tradition*, religio*, fashion, museum*,
    celebrit*, media`,
  education: `educat*, school*, teach*, student*, learning, learner*, universit*, college*,
    curricul*, classroom*, course*, lesson*, tutor*, degree*, homework, exam*, literacy`,
  parenting: `parent*, child*, kid, kids, toddler*, baby, babies, famil*, mom, moms, mum, dad,
    dads, father*, mother*, teen*, adolescen*, screen time, sibling*`,
  climate: `climat*, carbon, emission*, global warming, renewable*, solar, wind power, fossil*,
    decarboni*, sustainab*, weather, warming, net zero, electric vehicle*, heat wave*`,
  security: `secur*, hack*, breach*, password*, encrypt*, vulnerab*, malware, phishing, attack*,
    threat*, privacy, authenticat*, zero day, exploit*, cyber*, ransomware`,
  data: `data, dataset*, analytic*, database*, metric*, dashboard*, sql, statistic*, ab test*,
    measur*, labeled, labelled, labeling, labelling, data pipeline*, warehouse*, spreadsheet*,
    query, queries, error rate*`,
  "open-source": `open source, oss, github, maintainer*, contributor*, licens*, fork*, repo, repos,
    foss, linux`,
  writing: `writing, writer*, written word, essay*, blog*, blog post*, draft*, editor*, editing,
    documentation, memo*, newsletter*, storytell*, prose, author*, copywrit*, write down,
    writing down, written down, write it down, written update*, weekly update*, decision log*,
    ledger*`,
  psychology: `psycholog*, emotion*, bias*, motivat*, behavior*, behaviour*, cognitive*,
    mindset*, anxiety, fear*, habit*, stress*, feel*, feeling*, self esteem, perception*,
    reluctan*, worr*, conflict*, empathy, burnout`,
  hiring: `hir*, recruit*, interview*, candidate*, job offer*, talent, resume*, headcount,
    job description*, sourcing, reference check*, applicant*, onboard*`,
  "remote-work": `remote, distributed team*, work from home, wfh, hybrid, async*, asynchron*,
    time zone*, timezone*, return to office, home office, coworking, zoom, video call*, camera*,
    slack, commut*`,
  negotiation: `negotiat*, counter, counteroffer*, counter offer*, offer*, leverage, concession*,
    anchor*, bargain*, walk away, batna, compromise*, lowball*`,
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function entryPattern(entry: string): RegExp {
  const prefix = entry.endsWith("*");
  const words = (prefix ? entry.slice(0, -1) : entry).split(" ").map(escapeRegExp).join("[\\s-]+");
  return new RegExp(prefix ? `\\b${words}[\\p{L}\\p{N}]*` : `\\b${words}(?:s|es)?\\b`, "giu");
}

const PATTERNS = TOPICS.map(({ slug }) => ({
  slug,
  patterns: LEXICON[slug].split(/,\s*/).map(entryPattern),
}));

const WRITING_CODE =
  /\bwrit(?:e|es|ing|ten)\s+(?:the |some |more |less |a |an |your |our |their |good |clean )?(?:code|software|tests?|programs?|functions?|scripts?|queries|sql|rust|python|javascript)\b/gi;

/** A topic needs this score to be kept: one clear keyword. */
const MIN_SCORE = 1;
/** ...and a fair share of the best topic's score, so one stray word doesn't tag a long text. */
const MIN_SHARE_OF_BEST = 0.35;

/**
 * The vocabulary topics a text is about, best first; [] when nothing matches well. Each
 * distinct keyword counts 1 and each repeat a quarter, so breadth beats repetition.
 */
export function topicsForText(text: string, max = 3): TopicSlug[] {
  // "Writing code" is programming, not writing.
  const read = text.replace(WRITING_CODE, "coding");
  const scored = PATTERNS.map(({ slug, patterns }, order) => {
    let score = 0;
    for (const pattern of patterns) {
      const hits = read.match(pattern)?.length ?? 0;
      if (hits > 0) score += 1 + 0.25 * Math.min(hits - 1, 4);
    }
    return { slug, score, order };
  });
  const best = Math.max(0, ...scored.map((s) => s.score));
  return scored
    .filter((s) => s.score >= MIN_SCORE && s.score >= best * MIN_SHARE_OF_BEST)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, max)
    .map((s) => s.slug);
}

// Labels a model tends to use for a vocabulary topic, after normalizeLabel.
const ALIASES: Record<string, readonly TopicSlug[]> = {
  ml: ["ai"],
  llm: ["ai"],
  llms: ["ai"],
  genai: ["ai"],
  "gen ai": ["ai"],
  "generative ai": ["ai"],
  "machine learning": ["ai"],
  "deep learning": ["ai"],
  "artificial intelligence": ["ai"],
  "large language models": ["ai"],
  vc: ["fundraising"],
  vcs: ["fundraising"],
  venture: ["fundraising"],
  "venture capital": ["fundraising"],
  "raising money": ["fundraising"],
  "engineering management": ["management", "engineering"],
  "people management": ["management"],
  "career growth": ["careers"],
  "career development": ["careers"],
  career: ["careers"],
  recruiting: ["hiring"],
  recruitment: ["hiring"],
  talent: ["hiring"],
  wfh: ["remote-work"],
  remote: ["remote-work"],
  "distributed teams": ["remote-work"],
  oss: ["open-source"],
  infosec: ["security"],
  cybersecurity: ["security"],
  analytics: ["data"],
  "data science": ["data", "ai"],
  ux: ["design"],
  "product management": ["product"],
  growth: ["marketing"],
  "go to market": ["marketing", "sales"],
  finance: ["personal-finance"],
  money: ["personal-finance"],
  "mental health": ["health", "psychology"],
  sleep: ["health"],
  wellness: ["health"],
  "time management": ["productivity"],
  "decision making": ["leadership"],
  startup: ["startups"],
  entrepreneurship: ["startups"],
  founders: ["startups"],
};

// Slugs and labels themselves: "open source", "Open-Source" and "open-source" all find the slug.
const DIRECT = new Map<string, TopicSlug>(
  TOPICS.flatMap(({ slug, label }) => [
    [normalizeLabel(slug), slug],
    [normalizeLabel(label), slug],
  ]),
);

function normalizeLabel(label: string): string {
  return label
    .normalize("NFKC")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The vocabulary topics named by one label, most specific way first. */
function topicsForLabel(label: string, max: number): readonly TopicSlug[] {
  const normalized = normalizeLabel(label);
  if (normalized === "") return [];
  const direct = DIRECT.get(normalized);
  if (direct) return [direct];
  const alias = ALIASES[normalized];
  if (alias) return alias;
  // "Fundraising strategy", "AI ethics", "VC funding": a word or word pair of the label.
  const words = normalized.split(" ");
  const parts = [...words.slice(1).map((word, i) => `${words[i]} ${word}`), ...words];
  const named = parts.flatMap((part) => {
    const slug = DIRECT.get(part);
    return slug ? [slug] : (ALIASES[part] ?? []);
  });
  return named.length > 0 ? named : topicsForText(label, max);
}

/**
 * Maps a model's free-form topic labels onto the vocabulary, in label order. When no label maps,
 * falls back to the topics of the context (the insight's own text).
 */
export function mapTopicLabels(labels: readonly string[], context: string, max = 3): TopicSlug[] {
  const mapped = labels.flatMap((label) => topicsForLabel(label, max));
  const slugs = mapped.length > 0 ? mapped : topicsForText(context, max);
  return [...new Set(slugs)].slice(0, max);
}
