import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { exportLibrary, listLibrary } from "@/db/queries/library";
import { saveStates } from "@/db/queries/saves";
import { listTags } from "@/db/queries/tags";
import { events, saves, saveTags, tags, unsavedKeepsakes } from "@/db/schema";
import {
  addTagAction,
  createTagAction,
  deleteTagAction,
  noteAction,
  removeTagAction,
  renameTagAction,
  saveAction,
  unsaveAction,
} from "@/lib/actions/library";
import type { ActionResult } from "@/lib/actions/reader-action";
import type { Reader } from "@/lib/session";
import { anInsight, givenEpisode, givenInsights, givenReader } from "./factories";

function must<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

/** Insights with the given headlines (one episode each, so quotes never collide). */
async function givenHeadlines(...headlines: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const [n, headline] of headlines.entries()) {
    const { episodeId } = await givenEpisode({ show: "Library Show", title: `Episode ${n}` });
    const [id] = await givenInsights(episodeId, [
      anInsight({
        headline,
        body: `Said in episode ${n}.`,
        quote: `quote ${n}`,
        topics: ["leadership", "careers"],
      }),
    ]);
    ids.push(id as string);
  }
  return ids;
}

async function save(reader: Reader, insightId: string): Promise<string> {
  return must(await saveAction(reader, { insightId })).saveId;
}

async function tagNamesOf(reader: Reader, insightId: string): Promise<string[]> {
  const state = (await saveStates({ userId: reader.id, insightIds: [insightId] })).get(insightId);
  return state?.tags.map((t) => t.name) ?? [];
}

describe("saves", () => {
  it("saving twice is one save (and one save event)", async () => {
    const [insightId] = await givenHeadlines("Ship small");
    const reader = await givenReader();

    const first = await save(reader, insightId as string);
    const second = await save(reader, insightId as string);

    expect(second).toBe(first);
    const db = await getDb();
    expect(await db.select().from(saves)).toHaveLength(1);
    expect((await db.select().from(events)).map((e) => e.kind)).toEqual(["save"]);
  });

  it("unsave removes the save with its tags; a second unsave is not_found", async () => {
    const [insightId] = await givenHeadlines("Ship small");
    const reader = await givenReader();
    const saveId = await save(reader, insightId as string);
    must(await addTagAction(reader, { saveId, name: "later" }));

    expect(await unsaveAction(reader, { insightId })).toEqual({ ok: true, data: { insightId } });

    const db = await getDb();
    expect(await db.select().from(saves)).toEqual([]);
    expect(await db.select().from(saveTags)).toEqual([]);
    // The tag itself stays, empty, for the next save.
    expect(await listTags({ userId: reader.id })).toEqual([
      { id: expect.any(String), name: "later", count: 0 },
    ]);
    expect(await unsaveAction(reader, { insightId })).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
  });

  it("saving again after an unsave brings the note and tags back", async () => {
    const [insightId, other] = await givenHeadlines("Ship small", "Write it down");
    const reader = await givenReader();
    const saveId = await save(reader, insightId as string);
    must(await addTagAction(reader, { saveId, name: "later" }));
    must(await addTagAction(reader, { saveId, name: "team" }));
    must(await noteAction(reader, { saveId, note: "try on Monday" }));
    // Another reader's unsave of the same insight keeps nothing of this reader's.
    const stranger = await givenReader("stranger");
    await save(stranger, insightId as string);
    must(await unsaveAction(stranger, { insightId }));

    must(await unsaveAction(reader, { insightId }));
    const again = await save(reader, insightId as string);

    const state = (await saveStates({ userId: reader.id, insightIds: [insightId as string] })).get(
      insightId as string,
    );
    expect(state?.saveId).toBe(again);
    expect(state?.note).toBe("try on Monday");
    expect(state?.tags.map((t) => t.name).sort()).toEqual(["later", "team"]);
    // Nothing leaks to another insight, or to the stranger's save.
    await save(reader, other as string);
    expect(await tagNamesOf(reader, other as string)).toEqual([]);
    await save(stranger, insightId as string);
    expect(await tagNamesOf(stranger, insightId as string)).toEqual([]);
    // Kept once: a second unsave and save still has them, and nothing is left aside after.
    must(await unsaveAction(reader, { insightId }));
    await save(reader, insightId as string);
    expect((await tagNamesOf(reader, insightId as string)).sort()).toEqual(["later", "team"]);
    const db = await getDb();
    expect(await db.select().from(unsavedKeepsakes)).toEqual([]);
  });

  it("a note is stored, trimmed, and cleared by an empty one", async () => {
    const [insightId] = await givenHeadlines("Ship small");
    const reader = await givenReader();
    const saveId = await save(reader, insightId as string);

    must(await noteAction(reader, { saveId, note: "  try on Monday  " }));
    const db = await getDb();
    const noteOf = async () =>
      (await db.select({ note: saves.note }).from(saves).where(eq(saves.id, saveId)))[0]?.note;
    expect(await noteOf()).toBe("try on Monday");

    must(await noteAction(reader, { saveId, note: "   " }));
    expect(await noteOf()).toBeNull();
  });
});

describe("tags", () => {
  it("attach makes the tag once per reader, with a normalized name", async () => {
    const [one, two] = await givenHeadlines("Ship small", "Write it down");
    const reader = await givenReader();
    const other = await givenReader("other");
    const s1 = await save(reader, one as string);
    const s2 = await save(reader, two as string);
    const s3 = await save(other, one as string);

    expect(await addTagAction(reader, { saveId: s1, name: "To Try" })).toEqual({
      ok: true,
      data: { saveId: s1, name: "to-try" },
    });
    must(await addTagAction(reader, { saveId: s2, name: "  to   TRY " }));
    must(await addTagAction(reader, { saveId: s2, name: "to-try" })); // already on it
    must(await addTagAction(other, { saveId: s3, name: "To Try" }));

    expect(await listTags({ userId: reader.id })).toEqual([
      { id: expect.any(String), name: "to-try", count: 2 },
    ]);
    expect(await listTags({ userId: other.id })).toEqual([
      { id: expect.any(String), name: "to-try", count: 1 },
    ]);
    const [mine] = await listTags({ userId: reader.id });
    const [theirs] = await listTags({ userId: other.id });
    expect(mine?.id).not.toBe(theirs?.id);
    expect(await tagNamesOf(reader, two as string)).toEqual(["to-try"]);
  });

  it("createTag returns the existing tag for a name already in use", async () => {
    const reader = await givenReader();
    const made = must(await createTagAction(reader, { name: "Deep Work" }));
    expect(made).toEqual({ id: expect.any(String), name: "deep-work" });
    expect(must(await createTagAction(reader, { name: "deep-work" }))).toEqual(made);
    expect(await createTagAction(reader, { name: "x".repeat(41) })).toEqual({
      ok: false,
      error: { code: "bad_request", message: "name: a tag name is at most 40 characters" },
    });
  });

  it("rename normalizes, and refuses a name the reader already uses", async () => {
    const [insightId] = await givenHeadlines("Ship small");
    const reader = await givenReader();
    const other = await givenReader("other");
    const saveId = await save(reader, insightId as string);
    must(await addTagAction(reader, { saveId, name: "later" }));
    const keep = must(await createTagAction(reader, { name: "keep" }));
    must(await createTagAction(other, { name: "read-again" }));
    const later = (await listTags({ userId: reader.id })).find((t) => t.name === "later");

    expect(await renameTagAction(reader, { tagId: later?.id, name: "Keep" })).toEqual({
      ok: false,
      error: { code: "bad_request", message: "You already have a tag named “keep”." },
    });
    // Another reader's tag of that name does not count.
    expect(await renameTagAction(reader, { tagId: later?.id, name: "Read Again" })).toEqual({
      ok: true,
      data: { tagId: later?.id, name: "read-again" },
    });
    expect(await renameTagAction(reader, { tagId: later?.id, name: "read-again" })).toMatchObject({
      ok: true,
    });

    expect((await listTags({ userId: reader.id })).map((t) => [t.id, t.name, t.count])).toEqual([
      [keep.id, "keep", 0],
      [later?.id, "read-again", 1],
    ]);
    expect(await tagNamesOf(reader, insightId as string)).toEqual(["read-again"]);
  });

  it("removing a tag takes only that tag off that save", async () => {
    const [one, two] = await givenHeadlines("Ship small", "Write it down");
    const reader = await givenReader();
    const s1 = await save(reader, one as string);
    const s2 = await save(reader, two as string);
    for (const saveId of [s1, s2]) {
      must(await addTagAction(reader, { saveId, name: "a" }));
      must(await addTagAction(reader, { saveId, name: "b" }));
    }
    const a = (await listTags({ userId: reader.id })).find((t) => t.name === "a");

    must(await removeTagAction(reader, { saveId: s1, tagId: a?.id }));

    expect(await tagNamesOf(reader, one as string)).toEqual(["b"]);
    expect(await tagNamesOf(reader, two as string)).toEqual(["a", "b"]);
    expect(await removeTagAction(reader, { saveId: s1, tagId: a?.id })).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
  });

  it("deleting a tag detaches it from every save and keeps the saves", async () => {
    const [one, two] = await givenHeadlines("Ship small", "Write it down");
    const reader = await givenReader();
    const s1 = await save(reader, one as string);
    const s2 = await save(reader, two as string);
    must(await addTagAction(reader, { saveId: s1, name: "gone" }));
    must(await addTagAction(reader, { saveId: s2, name: "gone" }));
    must(await addTagAction(reader, { saveId: s2, name: "stays" }));
    const gone = (await listTags({ userId: reader.id })).find((t) => t.name === "gone");

    expect(await deleteTagAction(reader, { tagId: gone?.id })).toEqual({
      ok: true,
      data: { tagId: gone?.id },
    });

    const db = await getDb();
    expect((await db.select().from(tags)).map((t) => t.name)).toEqual(["stays"]);
    expect(await db.select().from(saves)).toHaveLength(2);
    expect(await tagNamesOf(reader, one as string)).toEqual([]);
    expect(await tagNamesOf(reader, two as string)).toEqual(["stays"]);
    expect(await deleteTagAction(reader, { tagId: gone?.id })).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
  });
});

/** Spreads the saves' times apart (oldest first), as saves made over days would be. */
async function spreadSaveTimes(saveIds: string[]) {
  const db = await getDb();
  for (const [n, saveId] of saveIds.entries()) {
    const at = new Date(Date.UTC(2026, 10, 1 + n, 8, 0, 0));
    await db.update(saves).set({ createdAt: at }).where(eq(saves.id, saveId));
  }
}

describe("listLibrary", () => {
  it("keeps only saves carrying every given tag, of this reader's tags", async () => {
    const [one, two, three] = await givenHeadlines("One point", "Two point", "Three point");
    const reader = await givenReader();
    const other = await givenReader("other");
    const s1 = await save(reader, one as string);
    const s2 = await save(reader, two as string);
    const s3 = await save(reader, three as string);
    await spreadSaveTimes([s1, s2, s3]);
    must(await addTagAction(reader, { saveId: s1, name: "a" }));
    must(await addTagAction(reader, { saveId: s1, name: "b" }));
    must(await addTagAction(reader, { saveId: s2, name: "a" }));
    must(await addTagAction(reader, { saveId: s3, name: "b" }));
    // The other reader's "b" on the same insight as s2 must not count for this reader.
    const o2 = await save(other, two as string);
    must(await addTagAction(other, { saveId: o2, name: "b" }));

    const ids = async (filter: string[]) =>
      (await listLibrary({ userId: reader.id, tags: filter })).map((e) => e.saveId);

    expect(await ids([])).toEqual([s3, s2, s1]);
    expect(await ids(["a"])).toEqual([s2, s1]);
    expect(await ids(["b"])).toEqual([s3, s1]);
    expect(await ids(["a", "b"])).toEqual([s1]);
    expect(await ids(["a", "a"])).toEqual([s2, s1]);
    expect(await ids(["a", "nope"])).toEqual([]);
    expect((await listLibrary({ userId: other.id, tags: ["a"] })).map((e) => e.saveId)).toEqual([]);
  });

  it("searches headline words and note text", async () => {
    const [kube, meetings, plain] = await givenHeadlines(
      "Kubernetes clusters need an owner",
      "Cancel the standing meetings",
      "Hire slowly",
    );
    const reader = await givenReader();
    const sKube = await save(reader, kube as string);
    const sMeet = await save(reader, meetings as string);
    const sPlain = await save(reader, plain as string);
    await spreadSaveTimes([sKube, sMeet, sPlain]);
    must(await noteAction(reader, { saveId: sPlain, note: "Ask Priya about 100% of this" }));

    const found = async (q: string) =>
      (await listLibrary({ userId: reader.id, q })).map((e) => e.saveId);

    expect(await found("kubernetes")).toEqual([sKube]);
    expect(await found("meeting")).toEqual([sMeet]); // stemmed: "meetings"
    expect(await found("priya")).toEqual([sPlain]);
    expect(await found("100%")).toEqual([sPlain]);
    // Wildcards in the query are plain characters.
    expect(await found("Priya%this")).toEqual([]);
    expect(await found("1_0")).toEqual([]);
    expect(await found("")).toEqual([sPlain, sMeet, sKube]);
  });

  it("pages newest first with `after`, every save once", async () => {
    const headlines = ["One", "Two", "Three", "Four", "Five"].map((w) => `${w} idea to try`);
    const insightIds = await givenHeadlines(...headlines);
    const reader = await givenReader();
    const saveIds: string[] = [];
    for (const id of insightIds) saveIds.push(await save(reader, id));
    await spreadSaveTimes(saveIds);

    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 5; page++) {
      const entries = await listLibrary({ userId: reader.id, limit: 2, after });
      if (entries.length === 0) break;
      expect(entries.length).toBeLessThanOrEqual(2);
      seen.push(...entries.map((e) => e.saveId));
      after = entries.at(-1)?.cursor;
    }

    expect(seen).toEqual([...saveIds].reverse());
  });

  it("pages over saves made in the same millisecond, and at the same instant, losing none", async () => {
    const insightIds = await givenHeadlines("One idea", "Two ideas", "Three ideas");
    const reader = await givenReader();
    const saveIds: string[] = [];
    for (const id of insightIds) saveIds.push(await save(reader, id));
    // PostgreSQL keeps microseconds, which a JS Date would round away.
    const db = await getDb();
    for (const [n, saveId] of saveIds.entries()) {
      await db.execute(
        sql`update saves set created_at = ${`2026-11-24T06:00:00.123${n}00Z`}::timestamptz
            where id = ${saveId}`,
      );
    }

    const first = await listLibrary({ userId: reader.id, limit: 1 });
    const rest = await listLibrary({ userId: reader.id, limit: 10, after: first.at(-1)?.cursor });
    expect([...first, ...rest].map((e) => e.saveId)).toEqual([...saveIds].reverse());

    // Two saves at the very same instant are told apart by id.
    await db.execute(
      sql`update saves set created_at = '2026-11-24T07:00:00Z'::timestamptz
          where id in (${saveIds[0]}::uuid, ${saveIds[1]}::uuid)`,
    );
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 4; page++) {
      const entries = await listLibrary({ userId: reader.id, limit: 1, after });
      seen.push(...entries.map((e) => e.saveId));
      after = entries.at(-1)?.cursor;
    }
    expect(new Set(seen)).toEqual(new Set(saveIds));
    expect(seen).toHaveLength(3);
  });
});

describe("exportLibrary", () => {
  it("returns every save with its tags, topics, note and show", async () => {
    const [one, two] = await givenHeadlines("Ship small", "Write it down");
    const reader = await givenReader();
    const other = await givenReader("other");
    const s1 = await save(reader, one as string);
    const s2 = await save(reader, two as string);
    await spreadSaveTimes([s1, s2]);
    must(await addTagAction(reader, { saveId: s1, name: "Zeta" }));
    must(await addTagAction(reader, { saveId: s1, name: "Alpha" }));
    must(await noteAction(reader, { saveId: s1, note: "Read twice." }));
    await save(other, one as string);

    const rows = await exportLibrary({ userId: reader.id });

    expect(rows.map((r) => r.saveId)).toEqual([s2, s1]);
    expect(rows[1]).toMatchObject({
      insightId: one,
      headline: "Ship small",
      podcastTitle: "Library Show",
      episodeTitle: "Episode 0",
      note: "Read twice.",
      tags: ["alpha", "zeta"],
      topics: ["Careers", "Leadership"],
      quoteStartS: 754,
    });
    expect(rows[0]).toMatchObject({ tags: [], note: null, topics: ["Careers", "Leadership"] });
    expect(rows[1]?.savedAt).toEqual(new Date(Date.UTC(2026, 10, 1, 8)));
  });
});

describe("updated_since", () => {
  // Each change happens after `mark`, so listLibrary({ since: mark }) must name exactly the saves
  // it touched: what an incremental sync (GET /api/v1/saved?updated_since=) reads.
  const pause = () => new Promise((resolve) => setTimeout(resolve, 5));
  async function changedSince(reader: Reader, mark: Date): Promise<string[]> {
    const entries = await listLibrary({ userId: reader.id, since: mark });
    return entries.map((e) => e.insightId).sort();
  }
  async function markNow(): Promise<Date> {
    await pause();
    const mark = new Date();
    await pause();
    return mark;
  }

  it("moves with a save's note, its tags, and a rename of one of its tags", async () => {
    const reader = await givenReader();
    const [a, b, c] = (await givenHeadlines("Alpha point", "Beta point", "Gamma point")) as [
      string,
      string,
      string,
    ];
    const [saveA, saveB] = [await save(reader, a), await save(reader, b)];
    await save(reader, c);
    let mark = await markNow();
    expect(await changedSince(reader, mark)).toEqual([]);

    must(await noteAction(reader, { saveId: saveA, note: "re-read this" }));
    expect(await changedSince(reader, mark)).toEqual([a]);

    mark = await markNow();
    const { name } = must(await addTagAction(reader, { saveId: saveB, name: "pricing" }));
    expect(await changedSince(reader, mark)).toEqual([b]);

    mark = await markNow();
    const [tag] = await listTags({ userId: reader.id });
    must(await renameTagAction(reader, { tagId: tag?.id, name: `${name}-2` }));
    expect(await changedSince(reader, mark)).toEqual([b]);

    mark = await markNow();
    must(await removeTagAction(reader, { saveId: saveB, tagId: tag?.id }));
    expect(await changedSince(reader, mark)).toEqual([b]);
    const [state] = (await saveStates({ userId: reader.id, insightIds: [b] })).values();
    expect(state?.updatedAt.getTime()).toBeGreaterThan(mark.getTime());
    expect(state?.savedAt.getTime()).toBeLessThan(mark.getTime());
  });
});
