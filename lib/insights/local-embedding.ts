import { EMBEDDING_DIMENSIONS } from "@/db/schema/columns";
import { isStopword, stem } from "./extractive/terms";

// The embedding used when no AI provider is configured: a signed, hashed bag of stemmed words
// and word pairs. It needs no model and no network, gives the same vector for the same text on
// every machine, and is good enough to tell "hiring engineers" from "sleep" for related
// insights and ranking. Vectors from this and from a provider model must not be compared.

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

// The extractor's stopwords and stemmer, over Unicode words so non-English text keeps its words;
// a stopword is looked up before its apostrophes go ("don't").
function contentWords(text: string): string[] {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2019`]/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .map((word) => word.replace(/^'+|'+$/g, ""))
    .filter((word) => word !== "" && !isStopword(word))
    .map((word) => stem(word.replace(/'s$/, "").replaceAll("'", "")));
}

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
