// Keeps one episode from crowding the feed: at most `perWindow` insights of one episode in any
// `window` consecutive places. Greedy: take the best item that fits, so order is kept otherwise.

export function diversify<T extends { episodeId: string }>(
  ranked: readonly T[],
  { perWindow = 2, window = 10 }: { perWindow?: number; window?: number } = {},
): T[] {
  const out: T[] = [];
  const waiting = [...ranked];
  while (waiting.length > 0) {
    const recent = out.slice(-(window - 1));
    const index = waiting.findIndex(
      (item) => recent.filter((r) => r.episodeId === item.episodeId).length < perWindow,
    );
    // Nothing fits (one episode has the rest): the rest would break the rule, so it is left out.
    // Views that must list everything (a search, one show) do not diversify (lib/feed.ts).
    if (index === -1) break;
    const [next] = waiting.splice(index, 1);
    if (next) out.push(next);
  }
  return out;
}
