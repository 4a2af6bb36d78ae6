import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import type { NewInsightInput } from "@/db/queries/insight-writes";
import { linkNearDuplicates } from "@/db/queries/insight-writes";
import { getProfile } from "@/db/queries/profiles";
import { feedbackAction } from "@/lib/actions/feedback";
import { saveAction } from "@/lib/actions/library";
import { followAction, saveSettingsAction } from "@/lib/actions/profile";
import type { ActionResult } from "@/lib/actions/reader-action";
import { type FeedEntry, feedPage } from "@/lib/feed";
import type { Reader } from "@/lib/session";
import { anInsight, givenEpisode, givenInsights, givenReader, vectorAlong } from "./factories";

// The feed as the /feed page asks for it: feedPage with the reader's profile topics.

function must<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

let quotes = 0;

/** One episode of a show with the given insights (each with its own quote). */
async function givenEpisodeWith(show: string, items: Partial<NewInsightInput>[]) {
  const { podcastId, episodeId } = await givenEpisode({ show });
  const ids = await givenInsights(
    episodeId,
    items.map((item) => anInsight({ quote: `Quote number ${++quotes}.`, ...item })),
  );
  return { podcastId, episodeId, ids: ids as string[] };
}

async function givenReaderFollowing(topics: string[]): Promise<Reader> {
  const reader = await givenReader();
  must(
    await saveSettingsAction(reader, {
      topics,
      timeZone: "UTC",
      briefHour: 7,
      briefEnabled: true,
      onboarding: true,
    }),
  );
  return reader;
}

async function feedFor(
  reader: Reader | null,
  options: Partial<Parameters<typeof feedPage>[0]> = {},
) {
  const profile = reader ? await getProfile({ userId: reader.id }) : null;
  return feedPage({
    userId: reader?.id ?? null,
    followedTopics: profile?.followedTopics ?? [],
    pageSize: 50,
    ...options,
  });
}

const idsOf = (entries: FeedEntry[]) => entries.map((e) => e.id);

/** Two shows, four episodes, two topics; Leadership insights are the better-rated ones. */
async function givenTwoShows() {
  const a1 = await givenEpisodeWith("Show A", [
    { headline: "Managers should write more", topics: ["leadership"], score: 0.8 },
    { headline: "Small models beat big prompts", topics: ["ai"], score: 0.4 },
  ]);
  const a2 = await givenEpisodeWith("Show A", [
    { headline: "Say no to most meetings", topics: ["leadership"], score: 0.8 },
    { headline: "Evaluate the model on your own data", topics: ["ai"], score: 0.4 },
  ]);
  const b1 = await givenEpisodeWith("Show B", [
    { headline: "Hire for slope, not intercept", topics: ["leadership"], score: 0.6 },
  ]);
  const b2 = await givenEpisodeWith("Show B", [
    { headline: "Kubernetes is a team decision", topics: ["engineering"], score: 0.5 },
  ]);
  return {
    showA: a1.podcastId,
    showB: b1.podcastId,
    leadershipA: [a1.ids[0], a2.ids[0]] as string[],
    ai: [a1.ids[1], a2.ids[1]] as string[],
    leadershipB: b1.ids[0] as string,
    kubernetes: b2.ids[0] as string,
    all: [...a1.ids, ...a2.ids, ...b1.ids, ...b2.ids],
  };
}

describe("feedPage", () => {
  it("puts a followed topic's insights first, saying so", async () => {
    const c = await givenTwoShows();
    const reader = await givenReaderFollowing(["ai"]);

    const { entries } = await feedFor(reader);

    expect(idsOf(entries).slice(0, 2).sort()).toEqual([...c.ai].sort());
    expect(entries.slice(0, 2).map((e) => e.reason)).toEqual([
      "Because you follow AI",
      "Because you follow AI",
    ]);
    expect(entries).toHaveLength(c.all.length);
    // Everything else gets the plain reason.
    for (const entry of entries.slice(2)) {
      expect(entry.reason).toBe(`New from ${entry.podcast.title}`);
    }
    // Without the topic the AI insights, rated lower, come last.
    const plain = await feedFor(await givenReaderFollowing([]));
    expect(idsOf(plain.entries).slice(-2).sort()).toEqual([...c.ai].sort());
  });

  it("puts a followed show's insights first, saying so", async () => {
    const c = await givenTwoShows();
    const reader = await givenReaderFollowing([]);
    must(await followAction(reader, { podcastId: c.showB, follow: "on" }));

    const { entries } = await feedFor(reader);

    expect(idsOf(entries).slice(0, 2).sort()).toEqual([c.leadershipB, c.kubernetes].sort());
    expect(entries.slice(0, 2).map((e) => e.reason)).toEqual([
      "From Show B, which you follow",
      "From Show B, which you follow",
    ]);
    expect(entries.find((e) => e.id === c.ai[0])?.reason).toBe("New from Show A");
  });

  it("leaves out what the reader dismissed, for that reader only", async () => {
    const c = await givenTwoShows();
    const reader = await givenReaderFollowing([]);
    const dismissed = c.leadershipA[0] as string;
    expect(idsOf((await feedFor(reader)).entries)).toContain(dismissed);

    must(await feedbackAction(reader, { insightId: dismissed, kind: "dismiss" }));

    const mine = idsOf((await feedFor(reader)).entries);
    expect(mine).not.toContain(dismissed);
    expect(mine).toHaveLength(c.all.length - 1);
    expect(idsOf((await feedFor(await givenReaderFollowing([]))).entries)).toContain(dismissed);
    expect(idsOf((await feedFor(null)).entries)).toContain(dismissed);
  });

  it("pushes a near-identical insight down after “less like this”", async () => {
    const marked = await givenEpisodeWith("Show A", [
      { headline: "Marked", score: 0.5, embedding: vectorAlong({ 0: 1 }) },
    ]);
    const twin = await givenEpisodeWith("Show A", [
      { headline: "Twin", score: 0.7, embedding: vectorAlong({ 0: 1, 1: 0.05 }) },
    ]);
    const unrelated = await givenEpisodeWith("Show B", [
      { headline: "Unrelated", score: 0.6, embedding: vectorAlong({ 2: 1 }) },
    ]);
    const [twinId, unrelatedId, markedId] = [twin.ids[0], unrelated.ids[0], marked.ids[0]];
    const reader = await givenReaderFollowing([]);
    expect(idsOf((await feedFor(reader)).entries)).toEqual([twinId, unrelatedId, markedId]);

    must(await feedbackAction(reader, { insightId: markedId, kind: "less" }));

    const after = idsOf((await feedFor(reader)).entries);
    expect(after[0]).toBe(unrelatedId);
    expect(after.indexOf(twinId as string)).toBeGreaterThan(after.indexOf(unrelatedId as string));
    // Another reader's feedback changes nothing for this one.
    const other = await givenReaderFollowing([]);
    expect(idsOf((await feedFor(other)).entries)).toEqual([twinId, unrelatedId, markedId]);
  });

  it("gives a signed-out visitor every insight, best first, without reasons", async () => {
    const c = await givenTwoShows();
    const reader = await givenReaderFollowing(["ai"]);
    must(await followAction(reader, { podcastId: c.showB, follow: true }));

    const { entries, nextCursor } = await feedFor(null);

    expect(idsOf(entries).sort()).toEqual([...c.all].sort());
    expect(entries.map((e) => e.reason)).toEqual(entries.map(() => null));
    expect(idsOf(entries).slice(0, 2).sort()).toEqual([...c.leadershipA].sort());
    expect(nextCursor).toBeNull();
  });

  it("pages with a cursor: disjoint pages covering everything, on a pinned pool", async () => {
    const ids: string[] = [];
    for (let n = 0; n < 7; n++) {
      const show = n % 2 === 0 ? "Show A" : "Show B";
      const episode = await givenEpisodeWith(show, [
        { headline: `First point ${n}`, score: 0.1 * n, topics: ["ai"] },
        { headline: `Second point ${n}`, score: 0.1 * n + 0.05, topics: ["design"] },
      ]);
      ids.push(...episode.ids);
    }
    const reader = await givenReaderFollowing(["design"]);

    const pages: string[][] = [];
    let cursor: string | undefined;
    for (let n = 0; n < 10; n++) {
      const page = await feedFor(reader, { cursor, pageSize: 4 });
      pages.push(idsOf(page.entries));
      if (n === 0) {
        // Added after the first page: not part of this scroll.
        await givenEpisodeWith("Show A", [
          { headline: "Late arrival", score: 1, topics: ["design"] },
        ]);
      }
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }

    expect(pages.map((p) => p.length)).toEqual([4, 4, 4, 2]);
    const seen = pages.flat();
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...ids].sort());
    // A fresh scroll sees the late arrival.
    expect((await feedFor(reader)).entries[0]?.headline).toBe("Late arrival");
  });

  it("filters by topic, by show, and by a search, best match first", async () => {
    const c = await givenTwoShows();
    const reader = await givenReaderFollowing(["ai"]);

    const byTopic = await feedFor(reader, { filter: { topic: "ai" } });
    expect(idsOf(byTopic.entries).sort()).toEqual([...c.ai].sort());

    const byShow = await feedFor(reader, { filter: { podcastId: c.showB } });
    expect(idsOf(byShow.entries).sort()).toEqual([c.leadershipB, c.kubernetes].sort());
    expect((await feedFor(reader, { filter: { podcastId: "not-a-uuid" } })).entries).toEqual([]);

    const search = await feedFor(reader, { filter: { q: "kubernetes" } });
    expect(idsOf(search.entries)).toEqual([c.kubernetes]);
    expect(idsOf((await feedFor(null, { filter: { q: "model" } })).entries).sort()).toEqual(
      [...c.ai].sort(),
    );
    // Every insight's body mentions a meeting; the one that says it in its headline comes first,
    // above the AI insights this reader's topic would otherwise put first.
    const meetings = await feedFor(reader, { filter: { q: "meetings" } });
    expect(meetings.entries).toHaveLength(c.all.length);
    expect(meetings.entries[0]?.id).toBe(c.leadershipA[1]);
    expect((await feedFor(reader, { filter: { q: "xylophone" } })).entries).toEqual([]);

    // Filters narrow together: a search within a topic, a topic within a show.
    const meetingsOnAi = await feedFor(reader, { filter: { q: "meetings", topic: "ai" } });
    expect(idsOf(meetingsOnAi.entries).sort()).toEqual([...c.ai].sort());
    const leadershipOnB = await feedFor(reader, {
      filter: { topic: "leadership", podcastId: c.showB },
    });
    expect(idsOf(leadershipOnB.entries)).toEqual([c.leadershipB]);
  });

  it("shows a point made on two shows once, naming the other show", async () => {
    const a = await givenEpisodeWith("Show A", [
      { headline: "Same point, better told", score: 0.9, embedding: vectorAlong({ 5: 1 }) },
    ]);
    const b = await givenEpisodeWith("Show B", [
      { headline: "Same point", score: 0.5, embedding: vectorAlong({ 5: 1, 6: 0.02 }) },
      { headline: "Something else", score: 0.4, embedding: vectorAlong({ 7: 1 }) },
    ]);
    expect(await linkNearDuplicates({ insightIds: b.ids, threshold: 0.9 })).toBe(1);
    const reader = await givenReaderFollowing([]);

    for (const viewer of [reader, null]) {
      const { entries } = await feedFor(viewer);
      expect(idsOf(entries)).toEqual([a.ids[0], b.ids[1]]);
      expect(entries[0]?.alsoOn).toEqual(["Show B"]);
      expect(entries[1]?.alsoOn).toEqual([]);
    }
  });

  it("a search lists every match, even several from one episode", async () => {
    const episode = await givenEpisodeWith(
      "Show A",
      [1, 2, 3, 4].map((n) => ({ headline: `Pricing lesson ${n}`, score: 0.5 })),
    );
    const reader = await givenReaderFollowing([]);

    const { entries } = await feedFor(reader, { filter: { q: "pricing" } });

    expect(idsOf(entries).sort()).toEqual([...episode.ids].sort());
  });
});

describe("a reader's stored feed", () => {
  it("is ranked once, then read as stored until it is an hour old or newer insights exist", async () => {
    const c = await givenTwoShows();
    const reader = await givenReaderFollowing([]);
    const t0 = new Date();
    const first = await feedFor(reader, { now: t0 });
    const top = first.entries[0]?.id as string;

    // A change no reader action makes (the score, behind the app's back) does not re-rank...
    const db = await getDb();
    await db.execute(sql`update insights set score = 0 where id = ${top}`);
    expect((await feedFor(reader, { now: new Date(t0.getTime() + 60_000) })).entries[0]?.id).toBe(
      top,
    );
    // ...until the stored ranking is over an hour old.
    const later = await feedFor(reader, { now: new Date(t0.getTime() + 3_700_000) });
    expect(later.entries[0]?.id).not.toBe(top);

    // A new insight makes the stored ranking out of date at once.
    const fresh = await givenEpisodeWith("Show C", [{ headline: "Brand new", score: 1 }]);
    const madeAt = new Date(t0.getTime() + 3_720_000).toISOString();
    await db.execute(sql`update insights set created_at = ${madeAt}::timestamptz
                         where id = ${fresh.ids[0] as string}`);
    const withNew = await feedFor(reader, { now: new Date(t0.getTime() + 3_760_000) });
    expect(idsOf(withNew.entries)).toContain(fresh.ids[0]);
    expect(withNew.entries).toHaveLength(c.all.length + 1);
  });

  it("drops a dismissed card in place and pages by stored position", async () => {
    const c = await givenTwoShows();
    const reader = await givenReaderFollowing([]);
    const pageOne = await feedFor(reader, { pageSize: 3 });
    expect(pageOne.entries).toHaveLength(3);
    const dismissed = pageOne.entries[1]?.id as string;
    await feedbackAction(reader, { insightId: dismissed, kind: "dismiss" });

    const again = await feedFor(reader, { pageSize: 3 });
    // The others keep their places: the stored ranking is not redone for a dismissal.
    expect(idsOf(again.entries).slice(0, 2)).toEqual([
      pageOne.entries[0]?.id,
      pageOne.entries[2]?.id,
    ]);
    const seen = [...idsOf(again.entries)];
    let cursor = again.nextCursor;
    while (cursor) {
      const next = await feedFor(reader, { pageSize: 3, cursor });
      seen.push(...idsOf(next.entries));
      cursor = next.nextCursor;
    }
    expect(seen).not.toContain(dismissed);
    expect([...seen].sort()).toEqual(c.all.filter((id) => id !== dismissed).sort());
  });

  it("keeps the page a reader is on as it was after a save; the next visit ranks it again", async () => {
    const along = (axis: number) => vectorAlong({ [axis]: 1 });
    await givenEpisodeWith("Show A", [
      { headline: "Write decisions down", score: 0.9, embedding: along(0) },
      { headline: "Say no to most meetings", score: 0.8, embedding: along(1) },
    ]);
    const sleep = await givenEpisodeWith("Show B", [
      { headline: "Caffeine after noon costs deep sleep", score: 0.5, embedding: along(2) },
      { headline: "Naps under twenty minutes help", score: 0.4, embedding: along(2) },
    ]);
    const reader = await givenReaderFollowing([]);
    const before = idsOf((await feedFor(reader)).entries);
    const saved = sleep.ids[1] as string;
    expect(before.at(-1)).toBe(saved);
    must(await saveAction(reader, { insightId: saved }));

    // Back on the page it was saved from: nothing moved under the reader's cursor.
    expect(idsOf((await feedFor(reader, { hold: true })).entries)).toEqual(before);
    // The next visit ranks again: its twin rises, the saved card is not lifted by its own save.
    const next = (await feedFor(reader)).entries;
    expect(next.find((e) => e.id === sleep.ids[0])?.reason).toBe("Like insights you saved");
    expect(next.find((e) => e.id === saved)?.reason ?? "").not.toBe("Like insights you saved");
  });
});
