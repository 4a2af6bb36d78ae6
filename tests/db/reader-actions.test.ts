/// <reference types="vite/client" />
import { eq, type SQL } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { getProfile } from "@/db/queries/profiles";
import { saveStates } from "@/db/queries/saves";
import { apiTokens, events, follows, podcasts, profiles, saves, saveTags, tags } from "@/db/schema";
import { saveAction } from "@/lib/actions/library";
import { addShowAction, saveSettingsAction } from "@/lib/actions/profile";
import type { ActionResult, ReaderAction } from "@/lib/actions/reader-action";
import type { Reader } from "@/lib/session";
import { rssFeed, startFeedServer } from "../support/feed-server";
import { anInsight, givenEpisode, givenInsights, givenReader } from "./factories";

// Every action exported from lib/actions, called signed out and by a reader who is not the owner
// of the ids it is given. A new action fails the coverage test until it has a case below.

const modules = import.meta.glob<Record<string, unknown>>("../../lib/actions/*.ts", {
  eager: true,
});

const actions = new Map<string, ReaderAction<unknown>>();
for (const [file, exports] of Object.entries(modules)) {
  if (file.endsWith("/reader-action.ts")) continue; // the wrapper itself, not an action
  for (const [name, value] of Object.entries(exports)) {
    if (!name.endsWith("Action") || typeof value !== "function") continue;
    if (actions.has(name)) throw new Error(`two modules export ${name}`);
    actions.set(name, value as ReaderAction<unknown>);
  }
}

type World = {
  a: Reader;
  b: Reader;
  /** An insight reader A saved, tagged, noted and marked "more like this". */
  insightId: string;
  saveId: string;
  tagId: string;
  /** The show reader A follows. */
  podcastId: string;
  feedUrl: string;
  token: string;
  /** Reader A's API token. */
  apiTokenId: string;
};

function must<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new Error(`setup failed: ${result.error.code} ${result.error.message}`);
  return result.data;
}

/** Reader A's library, follows, profile and events, all made through the actions themselves. */
async function givenWorld(): Promise<World> {
  const show = await givenEpisode({ show: "Show A" });
  await givenEpisode({ show: "Show B" });
  const [insightId] = await givenInsights(show.episodeId, [anInsight()]);
  if (!insightId) throw new Error("no insight");
  const a = await givenReader("a");
  const b = await givenReader("b");
  const { saveId } = must(await saveAction(a, { insightId }));
  must(await act("addTagAction", a, { saveId, name: "To Try" }));
  must(await act("noteAction", a, { saveId, note: "Try this on Monday." }));
  must(await act("feedbackAction", a, { insightId, kind: "more" }));
  must(
    await saveSettingsAction(a, {
      topics: ["leadership"],
      podcastIds: [show.podcastId],
      timeZone: "Europe/Berlin",
      briefHour: 7,
      briefEnabled: true,
    }),
  );
  const { token } = must(await act("resetFeedTokenAction", a, {})) as { token: string };
  const made = must(await act("createTokenAction", a, { name: "laptop" })) as {
    token: { id: string };
  };
  const tag = (await saveStates({ userId: a.id, insightIds: [insightId] })).get(insightId)?.tags[0];
  if (!tag) throw new Error("no tag");
  return {
    a,
    b,
    insightId,
    saveId,
    tagId: tag.id,
    podcastId: show.podcastId,
    feedUrl: "https://example.com/Show%20A.xml",
    token,
    apiTokenId: made.token.id,
  };
}

function act(name: string, reader: Reader | null, raw: unknown) {
  const action = actions.get(name);
  if (!action) throw new Error(`no action ${name}`);
  return action(reader, raw);
}

/** The reader tables, whole or only one reader's rows, in a stable order. */
async function snapshot(userId?: string) {
  const db = await getDb();
  const only = (column: Parameters<typeof eq>[0]): SQL | undefined =>
    userId ? eq(column, userId) : undefined;
  return {
    saves: await db.select().from(saves).where(only(saves.userId)).orderBy(saves.id),
    tags: await db.select().from(tags).where(only(tags.userId)).orderBy(tags.id),
    saveTags: await db
      .select({ saveId: saveTags.saveId, tagId: saveTags.tagId })
      .from(saveTags)
      .innerJoin(saves, eq(saves.id, saveTags.saveId))
      .where(only(saves.userId))
      .orderBy(saveTags.saveId, saveTags.tagId),
    events: await db.select().from(events).where(only(events.userId)).orderBy(events.id),
    follows: await db
      .select()
      .from(follows)
      .where(only(follows.userId))
      .orderBy(follows.userId, follows.podcastId),
    profiles: await db
      .select()
      .from(profiles)
      .where(only(profiles.userId))
      .orderBy(profiles.userId),
    apiTokens: await db
      .select()
      .from(apiTokens)
      .where(only(apiTokens.userId))
      .orderBy(apiTokens.id),
  };
}

type Case = {
  /** Input naming reader A's rows (or public ids A has rows about). */
  input: (w: World) => unknown;
  /**
   * Reader B with that input: "not_found" — refused, nothing anywhere changes; "own" — done, but
   * only on B's own rows (A's are untouched and B's result is not A's).
   */
  forOther: "not_found" | "own";
  ownCheck?: (data: unknown, w: World) => void;
};

const cases: Record<string, Case> = {
  saveAction: {
    input: (w) => ({ insightId: w.insightId }),
    forOther: "own",
    ownCheck: (data, w) => expect((data as { saveId: string }).saveId).not.toBe(w.saveId),
  },
  unsaveAction: { input: (w) => ({ insightId: w.insightId }), forOther: "not_found" },
  noteAction: { input: (w) => ({ saveId: w.saveId, note: "mine now" }), forOther: "not_found" },
  addTagAction: { input: (w) => ({ saveId: w.saveId, name: "hijacked" }), forOther: "not_found" },
  replaceTagsAction: {
    input: (w) => ({ insightId: w.insightId, tags: ["hijacked"] }),
    forOther: "not_found",
  },
  insightNoteAction: {
    input: (w) => ({ insightId: w.insightId, note: "mine now" }),
    forOther: "not_found",
  },
  removeTagAction: {
    input: (w) => ({ saveId: w.saveId, tagId: w.tagId }),
    forOther: "not_found",
  },
  createTagAction: {
    input: () => ({ name: "to-try" }),
    forOther: "own",
    ownCheck: (data, w) => expect((data as { id: string }).id).not.toBe(w.tagId),
  },
  renameTagAction: { input: (w) => ({ tagId: w.tagId, name: "hijacked" }), forOther: "not_found" },
  deleteTagAction: { input: (w) => ({ tagId: w.tagId }), forOther: "not_found" },
  feedbackAction: { input: (w) => ({ insightId: w.insightId, kind: "dismiss" }), forOther: "own" },
  saveSettingsAction: {
    input: (w) => ({
      topics: ["ai"],
      podcastIds: [w.podcastId],
      timeZone: "UTC",
      briefHour: 9,
      briefEnabled: "on",
    }),
    forOther: "own",
  },
  followAction: {
    input: (w) => ({ podcastId: w.podcastId, follow: "false" }),
    forOther: "not_found",
  },
  followTopicAction: {
    input: () => ({ slug: "leadership", follow: "on" }),
    forOther: "own",
    ownCheck: (data) => expect(data).toEqual({ slug: "leadership", follow: true }),
  },
  addShowAction: {
    input: (w) => ({ url: w.feedUrl }),
    forOther: "own",
    ownCheck: (data, w) =>
      expect(data).toMatchObject({ podcastId: w.podcastId, feedUrl: w.feedUrl, created: false }),
  },
  importOpmlAction: {
    // A's show, already in the catalog: B follows it too, and A's rows stay as they were.
    input: (w) => ({
      opml: `<opml version="2.0"><body><outline type="rss" xmlUrl="${w.feedUrl}"/></body></opml>`,
    }),
    forOther: "own",
    ownCheck: (data) => expect(data).toMatchObject({ added: 1, failed: [], overQuota: 0 }),
  },
  createTokenAction: {
    input: () => ({ name: "laptop" }),
    forOther: "own",
    ownCheck: (data, w) =>
      expect((data as { token: { id: string } }).token.id).not.toBe(w.apiTokenId),
  },
  revokeTokenAction: { input: (w) => ({ tokenId: w.apiTokenId }), forOther: "not_found" },
  resetFeedTokenAction: {
    input: () => ({}),
    forOther: "own",
    ownCheck: (data, w) => expect((data as { token: string }).token).not.toBe(w.token),
  },
};

const names = [...actions.keys()].sort();

describe("reader actions: authorization", () => {
  it("finds the actions, and has a case for every one of them", () => {
    expect(names).toContain("saveAction");
    expect(names).toContain("feedbackAction");
    expect(names).toContain("saveSettingsAction");
    expect(Object.keys(cases).sort()).toEqual(names);
  });

  it("starts each case from a world where reader A has rows in every reader table", async () => {
    await givenWorld();
    const all = await snapshot();
    expect(all.saves).toHaveLength(1);
    expect(all.tags).toHaveLength(1);
    expect(all.saveTags).toHaveLength(1);
    expect(all.events.map((e) => e.kind).sort()).toEqual(["more", "save"]);
    expect(all.follows).toHaveLength(1);
    expect(all.profiles).toHaveLength(1);
    expect(all.apiTokens).toHaveLength(1);
  });

  it.each(names)("%s: signed out is unauthorized and changes nothing", async (name) => {
    const w = await givenWorld();
    const input = cases[name]?.input(w);
    const before = await snapshot();

    const result = await act(name, null, input);

    expect(result).toEqual({
      ok: false,
      error: { code: "unauthorized", message: "Sign in to do that." },
    });
    // Refused before the input is even read.
    expect(await act(name, null, "not even an object")).toMatchObject({
      ok: false,
      error: { code: "unauthorized" },
    });
    expect(await snapshot()).toEqual(before);
  });

  it.each(names)("%s: another reader cannot reach reader A's rows", async (name) => {
    const w = await givenWorld();
    const testCase = cases[name];
    if (!testCase) throw new Error(`no case for ${name}`);
    const all = await snapshot();
    const ofA = await snapshot(w.a.id);
    const ofB = await snapshot(w.b.id);

    const result = await act(name, w.b, testCase.input(w));

    if (testCase.forOther === "not_found") {
      expect(result).toMatchObject({ ok: false, error: { code: "not_found" } });
      expect(await snapshot()).toEqual(all);
    } else {
      expect(result.ok, JSON.stringify(result)).toBe(true);
      if (result.ok) testCase.ownCheck?.(result.data, w);
      expect(await snapshot(w.a.id)).toEqual(ofA);
      expect(await snapshot(w.b.id)).not.toEqual(ofB);
    }
  });

  it("B's unsave of an insight A saved is not_found, and A's save remains", async () => {
    const w = await givenWorld();
    const result = await act("unsaveAction", w.b, { insightId: w.insightId });
    expect(result).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect((await snapshot(w.a.id)).saves.map((s) => s.id)).toEqual([w.saveId]);
  });

  it("B following and unfollowing A's show touches only B's follow", async () => {
    const w = await givenWorld();
    must(await act("followAction", w.b, { podcastId: w.podcastId, follow: true }));
    must(await act("followAction", w.b, { podcastId: w.podcastId, follow: false }));
    expect((await snapshot(w.a.id)).follows.map((f) => f.podcastId)).toEqual([w.podcastId]);
    expect((await snapshot(w.b.id)).follows).toEqual([]);
  });
});

describe("reader actions: input", () => {
  it.each(names)("%s: input that is not an object is a bad_request", async (name) => {
    const w = await givenWorld();
    const before = await snapshot();
    const result = await act(name, w.b, null);
    expect(result).toMatchObject({ ok: false, error: { code: "bad_request" } });
    expect(result.ok ? "" : result.error.message).not.toMatch(/at \S+:\d+|ZodError|\{/);
    expect(await snapshot()).toEqual(before);
  });

  it("says which field is wrong and why, in words", async () => {
    const w = await givenWorld();
    expect(await act("saveAction", w.a, { insightId: "not-an-id" })).toEqual({
      ok: false,
      error: { code: "bad_request", message: expect.stringMatching(/^insightId: /) },
    });
    expect(await act("noteAction", w.a, { saveId: w.saveId, note: "x".repeat(2001) })).toEqual({
      ok: false,
      error: { code: "bad_request", message: "note: a note is at most 2000 characters" },
    });
    expect(await act("addTagAction", w.a, { saveId: w.saveId, name: "   " })).toEqual({
      ok: false,
      error: { code: "bad_request", message: "name: a tag needs a name" },
    });
    expect(await act("feedbackAction", w.a, { insightId: w.insightId, kind: "love" })).toEqual({
      ok: false,
      error: { code: "bad_request", message: expect.stringMatching(/^kind: /) },
    });
  });

  it("stores text without NUL or invisible characters, and refuses what would look empty", async () => {
    const w = await givenWorld();
    must(await act("noteAction", w.a, { saveId: w.saveId, note: "try\u0000 it\u202e today" }));
    must(await act("addTagAction", w.a, { saveId: w.saveId, name: "Deep\u0000 Work\u200b" }));
    const state = (await saveStates({ userId: w.a.id, insightIds: [w.insightId] })).get(
      w.insightId,
    );
    expect(state?.note).toBe("try it today");
    expect(state?.tags.map((t) => t.name)).toContain("deep-work");
    const before = await snapshot();
    for (const name of ["\u200b\u200b", "\u202e\u2066", "---"])
      expect(await act("addTagAction", w.a, { saveId: w.saveId, name })).toMatchObject({
        ok: false,
        error: { code: "bad_request", message: expect.stringMatching(/^name: a tag needs/) },
      });
    expect(await snapshot()).toEqual(before);
  });

  it("never takes an empty brief hour for midnight", async () => {
    const w = await givenWorld();
    const before = await snapshot();
    const result = await saveSettingsAction(w.a, {
      topics: [],
      interests: "",
      timeZone: "UTC",
      briefHour: "",
      briefEnabled: "on",
    });
    expect(result).toEqual({
      ok: false,
      error: { code: "bad_request", message: "briefHour: choose the hour your brief arrives" },
    });
    expect(await snapshot()).toEqual(before);
  });

  it("an unknown insight (a well-formed id) is not_found, not an error", async () => {
    const w = await givenWorld();
    const nobody = "00000000-0000-4000-8000-000000000000";
    expect(await saveAction(w.a, { insightId: nobody })).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    expect(await act("feedbackAction", w.a, { insightId: nobody, kind: "less" })).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    expect(await act("followAction", w.a, { podcastId: nobody, follow: "on" })).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
  });

  it("takes FormData as forms post it (action id fields ignored)", async () => {
    const show = await givenEpisode();
    const [insightId] = await givenInsights(show.episodeId, [anInsight()]);
    const reader = await givenReader();
    const form = new FormData();
    form.set("$ACTION_ID_abc123", "");
    form.set("insightId", insightId as string);

    const result = await saveAction(reader, form);

    expect(result).toMatchObject({ ok: true, data: { saveId: expect.any(String) } });
    const state = (await saveStates({ userId: reader.id, insightIds: [insightId as string] })).get(
      insightId as string,
    );
    expect(state?.saveId).toBe(result.ok ? result.data.saveId : "");
  });
});

describe("addShowAction", () => {
  it("refuses an address that is not http(s) with the ingest library's sentence", async () => {
    const reader = await givenReader();
    const result = await addShowAction(reader, { url: "ftp://example.com/x" });
    expect(result).toEqual({
      ok: false,
      error: {
        code: "bad_request",
        message: "only http and https addresses can be fetched, not ftp:",
      },
    });
    expect((await snapshot(reader.id)).follows).toEqual([]);
  });

  it("asks for an address when the field is empty", async () => {
    const reader = await givenReader();
    expect(await addShowAction(reader, { url: "  " })).toEqual({
      ok: false,
      error: { code: "bad_request", message: "url: paste the show's feed address" },
    });
  });

  it("reads a new show's feed, then adds it and follows it", async () => {
    const server = await startFeedServer();
    try {
      server.serve("/new-show.xml", rssFeed({ items: [{ guid: "e1", title: "One" }] }));
      const reader = await givenReader();
      const result = await addShowAction(reader, { url: server.url("/new-show.xml") });
      expect(result).toMatchObject({
        ok: true,
        data: { feedUrl: server.url("/new-show.xml"), created: true },
      });
      expect((await snapshot(reader.id)).follows.map((f) => f.podcastId)).toEqual([
        result.ok ? result.data.podcastId : "",
      ]);
    } finally {
      await server.close();
    }
  });

  it("refuses an address that is not a feed, says why, and stores nothing", async () => {
    const server = await startFeedServer();
    try {
      server.serve("/about", "<!DOCTYPE html><html><body>Our show</body></html>", "text/html");
      server.serve("/gone.xml", "not xml at all", "application/rss+xml");
      const reader = await givenReader();
      const db = await getDb();
      const shows = async () => (await db.select().from(podcasts)).length;
      const before = await shows();
      expect(await addShowAction(reader, { url: server.url("/about") })).toEqual({
        ok: false,
        error: {
          code: "bad_request",
          message: expect.stringMatching(/this is a web page, not a feed/),
        },
      });
      expect(await addShowAction(reader, { url: server.url("/gone.xml") })).toMatchObject({
        ok: false,
        error: { code: "bad_request" },
      });
      expect(await shows()).toBe(before);
      expect((await snapshot(reader.id)).follows).toEqual([]);
    } finally {
      await server.close();
    }
  });
});

describe("saveSettingsAction", () => {
  const valid = {
    topics: ["ai", "leadership"],
    timeZone: "America/New_York",
    briefHour: "6",
    briefEnabled: "on",
    onboarding: "true",
  };

  it("stores the profile with known topics", async () => {
    const show = await givenEpisode();
    await givenInsights(show.episodeId, [anInsight()]); // loads the topic vocabulary
    const reader = await givenReader();

    const result = await saveSettingsAction(reader, { ...valid, podcastIds: [show.podcastId] });

    expect(result).toEqual({ ok: true, data: { saved: true } });
    const profile = await getProfile({ userId: reader.id });
    expect(profile).toMatchObject({
      followedTopics: ["ai", "leadership"],
      timeZone: "America/New_York",
      briefHour: 6,
      briefEnabled: true,
      interests: "",
      interestsEmbedding: null,
    });
    expect(profile?.onboardedAt).toBeInstanceOf(Date);
    expect((await snapshot(reader.id)).follows.map((f) => f.podcastId)).toEqual([show.podcastId]);
  });

  it("reads a settings form: repeated topic fields, an unchecked box, interests embedded", async () => {
    const show = await givenEpisode();
    await givenInsights(show.episodeId, [anInsight()]);
    const reader = await givenReader();
    const form = new FormData();
    form.append("topics", "ai");
    form.append("topics", "design");
    form.set("interests", "distributed systems and team leadership");
    form.set("timeZone", "Asia/Tokyo");
    form.set("briefHour", "21");

    expect(await saveSettingsAction(reader, form)).toMatchObject({ ok: true });

    const profile = await getProfile({ userId: reader.id });
    expect(profile).toMatchObject({
      followedTopics: ["ai", "design"],
      timeZone: "Asia/Tokyo",
      briefHour: 21,
      briefEnabled: false,
      onboardedAt: null,
    });
    expect(profile?.interestsEmbedding).toHaveLength(384);
  });

  it("refuses a topic that is not in the vocabulary, and stores nothing", async () => {
    const show = await givenEpisode();
    await givenInsights(show.episodeId, [anInsight()]);
    const reader = await givenReader();

    const result = await saveSettingsAction(reader, { ...valid, topics: ["ai", "astrology"] });

    expect(result).toEqual({
      ok: false,
      error: { code: "bad_request", message: "There is no topic “astrology”." },
    });
    expect(await getProfile({ userId: reader.id })).toBeNull();
  });

  it("refuses a time zone that does not exist", async () => {
    const show = await givenEpisode();
    await givenInsights(show.episodeId, [anInsight()]);
    const reader = await givenReader();

    const result = await saveSettingsAction(reader, { ...valid, timeZone: "Mars/Olympus_Mons" });

    expect(result).toEqual({
      ok: false,
      error: { code: "bad_request", message: "timeZone: is not a time zone we know" },
    });
    expect(await getProfile({ userId: reader.id })).toBeNull();
  });

  it("refuses a brief hour outside the day", async () => {
    const reader = await givenReader();
    const result = await saveSettingsAction(reader, { ...valid, topics: [], briefHour: "24" });
    expect(result).toMatchObject({
      ok: false,
      error: { code: "bad_request", message: expect.stringMatching(/^briefHour: /) },
    });
  });
});
