import { describe, expect, it } from "vitest";
import { diversify } from "@/lib/rank/diversity";
import { rankFeed } from "@/lib/rank/rank";
import { type Candidate, scoreCandidate, type Taste } from "@/lib/rank/score";

const now = new Date("2026-11-24T12:00:00Z");
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

const taste = (followedTopics: string[] = []): Taste => ({
  followedTopics: new Set(followedTopics),
  relatedFloor: 0.1,
  now,
});

let ids = 0;

function candidate(over: Partial<Candidate> = {}): Candidate {
  ids++;
  return {
    id: `i${ids}`,
    episodeId: `e${ids}`,
    podcastId: "p1",
    podcastTitle: "Show One",
    createdAt: hoursAgo(5),
    quality: 0.5,
    topics: [{ slug: "leadership", label: "Leadership" }],
    followedShow: false,
    interestSimilarity: null,
    savedSimilarity: null,
    moreSimilarity: null,
    lessSimilarity: null,
    ...over,
  };
}

const order = (items: { id: string }[]) => items.map((i) => i.id);

describe("scoreCandidate", () => {
  it("ranks a followed topic above an unfollowed one at equal freshness and quality", () => {
    const followed = candidate({ topics: [{ slug: "ai", label: "AI" }] });
    const other = candidate({ topics: [{ slug: "design", label: "Design" }] });

    const a = scoreCandidate(followed, taste(["ai"]));
    const b = scoreCandidate(other, taste(["ai"]));

    expect(a.score).toBeGreaterThan(b.score);
    expect(order(rankFeed([other, followed], taste(["ai"])))).toEqual([followed.id, other.id]);
    // Without the follow they are worth the same.
    expect(scoreCandidate(followed, taste()).score).toBeCloseTo(b.score, 10);
  });

  it("demotes an insight like one marked “less like this” below an otherwise equal, even weaker, one", () => {
    const disliked = candidate({ lessSimilarity: 0.95, quality: 0.9 });
    const plain = candidate({ lessSimilarity: 0.02, quality: 0.5 });

    expect(order(rankFeed([disliked, plain], taste()))).toEqual([plain.id, disliked.id]);
    // Below the floor "less" has no effect at all.
    expect(scoreCandidate(plain, taste()).score).toBeCloseTo(
      scoreCandidate({ ...plain, lessSimilarity: null }, taste()).score,
      10,
    );
  });

  it("prefers the fresher of two otherwise equal insights", () => {
    const old = candidate({ createdAt: hoursAgo(200) });
    const fresh = candidate({ createdAt: hoursAgo(1) });
    expect(order(rankFeed([old, fresh], taste()))).toEqual([fresh.id, old.id]);
  });

  it("gives the reason of the strongest personal signal, else “New from <show>”", () => {
    const base = { podcastTitle: "The Pod", topics: [{ slug: "ai", label: "AI" }] };

    expect(scoreCandidate(candidate({ ...base, followedShow: true }), taste()).reason).toBe(
      "From The Pod, which you follow",
    );
    expect(scoreCandidate(candidate(base), taste(["ai"])).reason).toBe("Because you follow AI");
    expect(scoreCandidate(candidate(base), taste(["design"])).reason).toBe("New from The Pod");
    expect(scoreCandidate(candidate({ ...base, interestSimilarity: 0.5 }), taste()).reason).toBe(
      "Matches your interests",
    );
    // A weak similarity is not a reason.
    expect(scoreCandidate(candidate({ ...base, interestSimilarity: 0.05 }), taste()).reason).toBe(
      "New from The Pod",
    );
  });
});

describe("rankFeed", () => {
  it("shows a point once, naming the other shows it was made on", () => {
    const best = candidate({ quality: 0.9, podcastTitle: "Show One" });
    const twin = candidate({ quality: 0.4, podcastTitle: "Show Two" });
    const other = candidate({ quality: 0.6 });
    best.duplicates = [{ id: twin.id, podcastTitle: "Show Two" }];
    twin.duplicates = [{ id: best.id, podcastTitle: "Show One" }];

    const ranked = rankFeed([twin, other, best], taste());

    expect(order(ranked)).toEqual([best.id, other.id]);
    expect(ranked[0]?.alsoOn).toEqual(["Show Two"]);
    expect(ranked[1]?.alsoOn).toEqual([]);
  });
});

describe("diversify", () => {
  // 30 candidates best first: 12 from one episode ("crowd"), 18 from nine others, two each.
  let others = 0;
  const ranked = Array.from({ length: 30 }, (_, n) => ({
    id: `c${n}`,
    episodeId: n % 5 < 2 ? "crowd" : `e${Math.floor(others++ / 2)}`,
  }));

  it("has 12 crowding candidates in the input it is tested with", () => {
    expect(ranked.filter((r) => r.episodeId === "crowd")).toHaveLength(12);
    expect(ranked.filter((r) => r.episodeId !== "crowd")).toHaveLength(18);
    expect(new Set(ranked.map((r) => r.episodeId)).size).toBe(10);
  });

  it("never has one episode more than twice in any 10 consecutive items", () => {
    const out = diversify(ranked);
    for (let start = 0; start + 1 < out.length; start++) {
      const window = out.slice(start, start + 10);
      const perEpisode = Map.groupBy(window, (item) => item.episodeId);
      for (const [episode, items] of perEpisode) {
        expect(items.length, `${episode} at ${start}`).toBeLessThanOrEqual(2);
      }
    }
    // Without the rule the input breaks it in its first window.
    expect(ranked.slice(0, 10).filter((r) => r.episodeId === "crowd").length).toBeGreaterThan(2);
  });

  it("keeps the order otherwise: every other item, in order, and the crowd in its order", () => {
    const out = diversify(ranked);
    const others = (items: typeof ranked) => items.filter((r) => r.episodeId !== "crowd");
    const crowd = (items: typeof ranked) => items.filter((r) => r.episodeId === "crowd");

    expect(order(others(out))).toEqual(order(others(ranked)));
    expect(order(crowd(ranked)).slice(0, crowd(out).length)).toEqual(order(crowd(out)));
    expect(crowd(out).length).toBeGreaterThanOrEqual(2);
    // Up to the first item the rule holds back, the output is the input.
    const firstHeld = ranked.findIndex((r, n) => out[n]?.id !== r.id);
    expect(firstHeld).toBeGreaterThanOrEqual(2);
    expect(out.slice(0, firstHeld)).toEqual(ranked.slice(0, firstHeld));
  });

  it("leaves a list that already follows the rule exactly as it was", () => {
    const spread = Array.from({ length: 20 }, (_, n) => ({ id: `s${n}`, episodeId: `e${n % 7}` }));
    expect(diversify(spread)).toEqual(spread);
  });
});
