import { EMBEDDING_DIMENSIONS } from "@/db/schema/columns";

// The embedding used when no AI provider is configured: a signed, hashed bag of stemmed words
// and word pairs. It needs no model and no network, gives the same vector for the same text on
// every machine, and is good enough to tell "hiring engineers" from "sleep" for related
// insights and ranking. Vectors from this and from a provider model must not be compared.

const STOPWORDS = new Set(
  (
    "a about above after again against all also am an and any are as at be because been before " +
    "being below between both but by can could did do does doing done down during each even " +
    "ever every few for from further get gets got had has have having he her here hers herself " +
    "him himself his how i if in into is it its itself just like lot lots me more most much must " +
    "my myself no nor not now of off often on once only or other our ours ourselves out over own " +
    "really same say said says she should so some such than that the their theirs them " +
    "themselves then there these they thing things this those through to too under until up " +
    "us very was we well were what when where which while who whom why will with would yeah you " +
    "your yours yourself yourselves um uh okay oh dont doesnt didnt isnt wasnt arent im ive id " +
    "youre youve theyre weve thats theres whats lets cant wont shouldnt wouldnt couldnt"
  ).split(" "),
);

/** A weight of a bigram relative to its words: word order matters, but less than vocabulary. */
const BIGRAM_WEIGHT = 0.5;

/**
 * A unit-length vector of EMBEDDING_DIMENSIONS numbers for a text. Text with no content words
 * (empty, only stopwords or punctuation) gives the zero vector, which cosine() scores 0 against
 * everything.
 */
export function localEmbedding(text: string): number[] {
  const words = contentWords(text);
  const features = new Map<string, { count: number; weight: number }>();
  const add = (key: string, weight: number) => {
    const feature = features.get(key);
    if (feature) feature.count++;
    else features.set(key, { count: 1, weight });
  };
  words.forEach((word, i) => {
    add(`w:${word}`, rarity(word));
    const next = words[i + 1];
    if (next !== undefined)
      add(`b:${word} ${next}`, BIGRAM_WEIGHT * ((rarity(word) + rarity(next)) / 2));
  });

  const vector = new Array<number>(EMBEDDING_DIMENSIONS).fill(0);
  for (const [key, { count, weight }] of features) {
    const hash = mix(fnv1a(key));
    // Signed hashing: colliding features cancel out on average instead of piling up.
    const sign = hash & 0x80000000 ? -1 : 1;
    const slot = (hash & 0x7fffffff) % EMBEDDING_DIMENSIONS;
    vector[slot] = (vector[slot] ?? 0) + sign * (1 + Math.log(count)) * weight;
  }
  const norm = Math.hypot(...vector);
  return norm === 0 ? vector : vector.map((x) => x / norm);
}

/** Cosine similarity in [-1, 1]; 0 when either vector is all zeros. */
export function cosine(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new Error(`cosine of vectors of ${a.length} and ${b.length}`);
  let dot = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    aa += x * x;
    bb += y * y;
  }
  return aa === 0 || bb === 0 ? 0 : dot / Math.sqrt(aa * bb);
}

function contentWords(text: string): string[] {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/['\u2019`]/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== "" && !STOPWORDS.has(word))
    .map(stem);
}

/**
 * Light suffix stripping so plurals and -ing/-ed forms share a feature: "hire", "hires",
 * "hired" and "hiring" all become "hir". Not a real stemmer; short words are left alone.
 */
function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith("ies")) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith("s") && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith("ing")) w = undouble(w.slice(0, -3));
  else if (w.length > 4 && w.endsWith("ed") && !w.endsWith("eed")) w = undouble(w.slice(0, -2));
  if (w.length > 3 && w.endsWith("e")) w = w.slice(0, -1);
  return w;
}

// "running" → "runn" → "run"; double l, s and z are usually part of the word ("fall", "pass").
const undouble = (w: string) => (/([^aeioulsz])\1$/.test(w) ? w.slice(0, -1) : w);

/**
 * Stands in for inverse document frequency without a corpus: in English, longer words are
 * rarer and carry more meaning than short ones.
 */
const rarity = (word: string) => 0.5 + Math.min(word.length, 12) / 8;

/** FNV-1a over UTF-16 code units: stable across runtimes and releases, unlike a seeded hash. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Murmur3's finalizer, so the sign bit and the slot come from well-mixed bits. */
function mix(hash: number): number {
  let h = hash;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
