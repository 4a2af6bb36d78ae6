import { diversify } from "./diversity";
import { type Candidate, type Scored, scoreCandidate, type Taste } from "./score";

// The feed order for one reader: score every candidate, best first, show each point once (a
// near-duplicate from another show becomes "also said on …"), then keep episodes from crowding.

export type FeedItem = Scored & { alsoOn: string[] };

export function rankFeed(
  candidates: readonly Candidate[],
  taste: Taste,
  { diversity = true }: { diversity?: boolean } = {},
): FeedItem[] {
  const scored = candidates
    .map((c) => scoreCandidate(c, taste))
    .sort((a, b) => b.score - a.score || b.createdAt.getTime() - a.createdAt.getTime());
  const shown = new Map<string, FeedItem>();
  const folded = new Set<string>();
  for (const item of scored) {
    if (folded.has(item.id)) continue;
    const alsoOn: string[] = [];
    for (const dup of item.duplicates ?? []) {
      if (shown.has(dup.id)) continue;
      folded.add(dup.id);
      if (!alsoOn.includes(dup.podcastTitle) && dup.podcastTitle !== item.podcastTitle) {
        alsoOn.push(dup.podcastTitle);
      }
    }
    shown.set(item.id, { ...item, alsoOn });
  }
  return diversity ? diversify([...shown.values()]) : [...shown.values()];
}
