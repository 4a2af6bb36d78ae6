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

/** PageRank over the similarity graph; the scores sum to 1. */
export function textRank(vectors: readonly Vector[]): number[] {
  const n = vectors.length;
  if (n === 0) return [];
  const edges = similarityEdges(vectors);
  const outWeight = edges.map((list) => list.reduce((sum, edge) => sum + edge.weight, 0));
  let rank = new Array<number>(n).fill(1 / n);
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    const next = new Array<number>(n).fill((1 - DAMPING) / n);
    // Sentences with no neighbour spread their rank evenly, as in PageRank's dangling nodes.
    let dangling = 0;
    for (let i = 0; i < n; i++) {
      const total = outWeight[i] ?? 0;
      const mine = rank[i] ?? 0;
      if (total === 0) {
        dangling += mine;
        continue;
      }
      for (const edge of edges[i] ?? []) {
        next[edge.to] = (next[edge.to] ?? 0) + (DAMPING * mine * edge.weight) / total;
      }
    }
    const share = (DAMPING * dangling) / n;
    rank = next.map((value) => value + share);
  }
  return rank;
}

type Edge = { to: number; weight: number };

/** Weighted undirected edges, found through an inverted index instead of comparing all pairs. */
function similarityEdges(vectors: readonly Vector[]): Edge[][] {
  const postings = new Map<string, { sentence: number; weight: number }[]>();
  vectors.forEach((vector, sentence) => {
    for (const [term, weight] of vector) {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = []));
      list.push({ sentence, weight });
    }
  });
  const edges: Edge[][] = vectors.map(() => []);
  vectors.forEach((vector, i) => {
    const dots = new Map<number, number>();
    for (const [term, weight] of vector) {
      for (const posting of postings.get(term) ?? []) {
        if (posting.sentence === i) continue;
        dots.set(posting.sentence, (dots.get(posting.sentence) ?? 0) + weight * posting.weight);
      }
    }
    const list = edges[i] ?? [];
    for (const [to, weight] of [...dots].sort((a, b) => a[0] - b[0])) {
      if (weight >= MIN_EDGE) list.push({ to, weight });
    }
  });
  return edges;
}
