import "server-only";
import {
  type InsightCard,
  insightCardsByIds,
  nearestInsights,
  searchInsights,
} from "@/db/queries/insights";
import { type SaveState, saveStates } from "@/db/queries/saves";
import { embedTexts } from "@/lib/insights/embed";
import { similarityThresholds } from "@/lib/insights/similarity";
import type { Reader } from "@/lib/session";

// Finding insights by what they say, over the whole catalog (every reader sees every insight):
// full text (stemmed words, PostgreSQL's ranking) and meaning (the query's embedding against the
// insights'), merged by reciprocal rank so that an insight both find comes first. Also the cards
// of given insights with the reader's saves, for lists made elsewhere (the related insights).

export type FoundInsight = {
  card: InsightCard;
  /** The reader's save of it (tags, note); null when unsaved. */
  save: SaveState | null;
  /** Which search found it: its words, its meaning, or both. */
  matchedBy: ("words" | "meaning")[];
};

/** Reciprocal rank fusion's constant: ranks past the first few count about the same. */
const RRF_K = 60;

export async function searchCatalog({
  reader,
  query,
  limit = 10,
}: {
  reader: Reader;
  query: string;
  limit?: number;
}): Promise<FoundInsight[]> {
  const [byWords, byMeaning] = await Promise.all([
    searchInsights({ query, limit: limit * 2 }),
    nearestByMeaning(query, limit * 2),
  ]);
  const scores = new Map<string, { score: number; matchedBy: FoundInsight["matchedBy"] }>();
  const add = (id: string, rank: number, how: "words" | "meaning") => {
    const entry = scores.get(id) ?? { score: 0, matchedBy: [] };
    entry.score += 1 / (RRF_K + rank);
    entry.matchedBy.push(how);
    scores.set(id, entry);
  };
  for (const [rank, card] of byWords.entries()) add(card.id, rank, "words");
  for (const [rank, id] of byMeaning.entries()) add(id, rank, "meaning");
  // Equal scores keep the full-text order first (Map keeps insertion order, sort is stable).
  const ids = [...scores.entries()]
    .sort((a, b) => b[1].score - a[1].score)
    .slice(0, limit)
    .map(([id]) => id);

  const known = new Map(byWords.map((card) => [card.id, card]));
  const missing = ids.filter((id) => !known.has(id));
  for (const card of await insightCardsByIds({ ids: missing })) known.set(card.id, card);
  const saves = await saveStates({ userId: reader.id, insightIds: ids });
  return ids.flatMap((id) => {
    const card = known.get(id);
    const matchedBy = scores.get(id)?.matchedBy ?? [];
    return card ? [{ card, save: saves.get(id) ?? null, matchedBy }] : [];
  });
}

/** Ids of the insights nearest the query's meaning, above the "says something" floor. */
async function nearestByMeaning(query: string, limit: number): Promise<string[]> {
  const [embedding] = await embedTexts([query]);
  // Only stopwords or punctuation embed (locally) to the zero vector, which is near nothing.
  if (!embedding?.some((x) => x !== 0)) return [];
  const floor = similarityThresholds().related;
  const near = await nearestInsights({ embedding, limit });
  return near.filter((n) => n.similarity >= floor).map((n) => n.id);
}

/** The given insights' cards with the reader's saves, in the order given (unknown ids left out). */
export async function readInsightCards({
  reader,
  ids,
}: {
  reader: Reader;
  ids: string[];
}): Promise<{ card: InsightCard; save: SaveState | null }[]> {
  const [cards, saves] = await Promise.all([
    insightCardsByIds({ ids }),
    saveStates({ userId: reader.id, insightIds: ids }),
  ]);
  return cards.map((card) => ({ card, save: saves.get(card.id) ?? null }));
}
