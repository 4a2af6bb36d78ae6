// Centrality of each sentence: TextRank over TF-IDF cosine similarity. A sentence that shares
// rare words with many others is close to what the episode is about.

export type Vector = ReadonlyMap<string, number>;

/** L2-normalised TF-IDF vectors, one per sentence, with each sentence as a document. */
export function tfidfVectors(termLists: readonly (readonly string[])[]): Vector[] {
  const documentFrequency = new Map<string, number>();
  for (const terms of termLists) {
    for (const term of new Set(terms)) {
      documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
  }
  const total = termLists.length;
  return termLists.map((terms) => {
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    const vector = new Map<string, number>();
    let norm = 0;
    for (const [term, count] of counts) {
      const idf = Math.log((total + 1) / ((documentFrequency.get(term) ?? 0) + 0.5));
      const weight = (1 + Math.log(count)) * Math.max(idf, 0);
      if (weight <= 0) continue;
      vector.set(term, weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm);
    for (const [term, weight] of vector) vector.set(term, weight / norm);
    return vector;
  });
}

export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, weight] of small) dot += weight * (large.get(term) ?? 0);
  return dot;
}

const DAMPING = 0.85;
// Fixed, so the ranking never depends on how fast floating point happened to converge.
const ITERATIONS = 40;
// Sentences that share one common word are not "about the same thing".
const MIN_EDGE = 0.05;
// Each sentence endorses only its closest neighbours. Keeps a three-hour episode's graph sparse
// (and PageRank fast) without changing which sentences come out central.
const NEIGHBOURS = 30;
// A word in more than this share of a long episode's sentences ("lambda" on an AWS show) links
// everything to everything; its low IDF adds little, and its postings would cost n².
const COMMON_SHARE = 0.1;
const COMMON_FLOOR = 100;

/** PageRank over the similarity graph; the scores sum to 1. */
export function textRank(vectors: readonly Vector[]): number[] {
  const n = vectors.length;
  if (n === 0) return [];
  const graph = similarityGraph(vectors);
  const outWeight = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let e = graph.offsets[i] ?? 0; e < (graph.offsets[i + 1] ?? 0); e++) {
      outWeight[i] = (outWeight[i] ?? 0) + (graph.weights[e] ?? 0);
    }
  }
  let rank = new Float64Array(n).fill(1 / n);
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    const next = new Float64Array(n).fill((1 - DAMPING) / n);
    // Sentences with no neighbour spread their rank evenly, as in PageRank's dangling nodes.
    let dangling = 0;
    for (let i = 0; i < n; i++) {
      const total = outWeight[i] ?? 0;
      const mine = rank[i] ?? 0;
      if (total === 0) {
        dangling += mine;
        continue;
      }
      const share = (DAMPING * mine) / total;
      for (let e = graph.offsets[i] ?? 0; e < (graph.offsets[i + 1] ?? 0); e++) {
        const to = graph.targets[e] ?? 0;
        next[to] = (next[to] ?? 0) + share * (graph.weights[e] ?? 0);
      }
    }
    const spread = (DAMPING * dangling) / n;
    for (let i = 0; i < n; i++) next[i] = (next[i] ?? 0) + spread;
    rank = next;
  }
  return Array.from(rank);
}

/** Edges in compressed rows: sentence i's neighbours are targets[offsets[i]..offsets[i+1]). */
type Graph = { offsets: Int32Array; targets: Int32Array; weights: Float64Array };

/** Weighted edges found through an inverted index instead of comparing all pairs. */
function similarityGraph(vectors: readonly Vector[]): Graph {
  const n = vectors.length;
  const postings = new Map<string, { sentences: number[]; weights: number[] }>();
  vectors.forEach((vector, sentence) => {
    for (const [term, weight] of vector) {
      const list = postings.get(term) ?? { sentences: [], weights: [] };
      if (list.sentences.length === 0) postings.set(term, list);
      list.sentences.push(sentence);
      list.weights.push(weight);
    }
  });
  const common = Math.max(COMMON_FLOOR, n * COMMON_SHARE);
  const dots = new Float64Array(n);
  const offsets = new Int32Array(n + 1);
  const targets: number[] = [];
  const weights: number[] = [];
  for (let i = 0; i < n; i++) {
    const touched: number[] = [];
    for (const [term, weight] of vectors[i] ?? []) {
      const list = postings.get(term);
      if (!list || list.sentences.length > common) continue;
      for (let p = 0; p < list.sentences.length; p++) {
        const j = list.sentences[p] ?? i;
        if (j === i) continue;
        if (dots[j] === 0) touched.push(j);
        dots[j] = (dots[j] ?? 0) + weight * (list.weights[p] ?? 0);
      }
    }
    const neighbours = touched
      .filter((j) => (dots[j] ?? 0) >= MIN_EDGE)
      .sort((a, b) => (dots[b] ?? 0) - (dots[a] ?? 0) || a - b)
      .slice(0, NEIGHBOURS);
    for (const j of neighbours) {
      targets.push(j);
      weights.push(dots[j] ?? 0);
    }
    for (const j of touched) dots[j] = 0;
    offsets[i + 1] = targets.length;
  }
  return { offsets, targets: Int32Array.from(targets), weights: Float64Array.from(weights) };
}
