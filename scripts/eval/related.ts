import { cosine } from "@/lib/insights/local-embedding";
import { ratio } from "./measure";
import type { Pooled, Scored } from "./transcript";

// Related insights, judged against the gold themes: for each item in a themed gold moment, the
// list the product would show (other episodes, above the floor, at most six); precision is the
// share of listed items whose moment shares a theme with it (an item in no theme counts wrong).
// Twice: over the gold moments themselves (their transcript text, standing in for an insight
// on each), which measures the embedding and its floor; and over the extracted insights, which
// is what readers get today but can only be judged where the extractor hit a themed moment.

const RELATED_LIMIT = 6;

export function relatedLists(
  items: Pooled[],
  vectors: number[][],
  at: number,
  themes: Map<string, Set<string>>,
) {
  const out = { sources: 0, shown: 0, listed: 0, right: 0, unthemedShown: 0 };
  items.forEach((source, i) => {
    const list = items
      .map((other, j) => ({ other, similarity: cosine(vectors[i] ?? [], vectors[j] ?? []) }))
      .filter(({ other, similarity }) => other.episode !== source.episode && similarity >= at)
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, RELATED_LIMIT);
    const sourceThemes = source.ref ? themes.get(source.ref) : undefined;
    if (!sourceThemes) {
      if (list.length > 0) out.unthemedShown++;
      return;
    }
    out.sources++;
    if (list.length > 0) out.shown++;
    out.listed += list.length;
    out.right += list.filter(({ other }) =>
      [...(other.ref ? (themes.get(other.ref) ?? []) : [])].some((t) => sourceThemes.has(t)),
    ).length;
  });
  return { floor: at, ...out, precision: ratio(out.right, out.listed) };
}

/**
 * Does the score the brief ranks by predict the gold? The chance that a random insight in a
 * moment outscores a random one outside (AUC), and mean scores by what the gold says.
 */
export function scoreAgreement(scored: Scored[]) {
  const inside = scored.filter((s) => s.inMoment).map((s) => s.score);
  const outside = scored.filter((s) => !s.inMoment).map((s) => s.score);
  let wins = 0;
  for (const a of inside) for (const b of outside) wins += a > b ? 1 : a === b ? 0.5 : 0;
  return {
    auc: ratio(wins, inside.length * outside.length),
    meanInMoment: mean(inside),
    meanOutside: mean(outside),
    meanInTrap: mean(scored.filter((s) => s.inTrap).map((s) => s.score)),
  };
}

export function mean(xs: readonly number[]): number | null {
  return xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length;
}
