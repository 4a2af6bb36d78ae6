import { describe, expect, it } from "vitest";
import { GET as getBrief } from "@/app/api/v1/briefs/[date]/route";
import { GET as listBriefs } from "@/app/api/v1/briefs/route";
import { GET as getInsight } from "@/app/api/v1/insights/[id]/route";
import { GET as listInsights } from "@/app/api/v1/insights/route";
import { PUT as putNote } from "@/app/api/v1/saved/[id]/note/route";
import { PUT as save, DELETE as unsave } from "@/app/api/v1/saved/[id]/route";
import { PUT as putTags } from "@/app/api/v1/saved/[id]/tags/route";
import { GET as readwise } from "@/app/api/v1/saved/readwise/route";
import { GET as listSaved } from "@/app/api/v1/saved/route";
import { GET as listShows } from "@/app/api/v1/shows/route";
import { GET as listTopics } from "@/app/api/v1/topics/route";
import { getDb } from "@/db/client";
import { briefItems, briefs } from "@/db/schema";
import { encodeApiCursor } from "@/lib/api/cursor";
import { API_ROUTES } from "@/lib/api/routes";
import { createApiToken } from "@/lib/api-tokens";
import { exportFile } from "@/lib/export/library";
import { anInsight, givenEpisode, givenInsights, givenReader } from "./factories";

// The JSON API's routes, called as Next calls them: a Request with a bearer token, and the path
// parameters. Every answer is checked against the schema the OpenAPI document is made from.

type Handler = (
  request: Request,
  context?: { params?: Promise<Record<string, string>> },
) => Promise<Response>;

async function givenCaller(name = "reader") {
  const reader = await givenReader(name);
  const { secret } = await createApiToken({ userId: reader.id, name: "test" });
  const call = async (
    handler: Handler,
    path: string,
    {
      method = "GET",
      body,
      params = {},
    }: { method?: string; body?: unknown; params?: Record<string, string> } = {},
  ) => {
    const response = await handler(
      new Request(`http://localhost:3000/api/v1${path}`, {
        method,
        headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
        body:
          body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
      }),
      { params: Promise.resolve(params) },
    );
    return { status: response.status, json: await response.json() };
  };
  return { reader, call };
}

async function givenCatalog() {
  const show = await givenEpisode({ show: "Deep Work Show", title: "On focus" });
  const ids = await givenInsights(show.episodeId, [
    anInsight({ headline: "Ship small", quote: "Small batches ship.", quoteStartS: 61.5 }),
    anInsight({ headline: "Write it down", topics: ["productivity"] }),
  ]);
  const [first, second] = ids;
  if (!first || !second) throw new Error("no insights");
  return { ...show, first, second };
}

describe("/api/v1", () => {
  it("GET /insights and /insights/{id}: the feed, and one insight with its links", async () => {
    const { first } = await givenCatalog();
    const { call } = await givenCaller();
    const feed = await call(listInsights, "/insights");
    expect(feed.status).toBe(200);
    API_ROUTES.listInsights.response.parse(feed.json);
    const item = feed.json.insights.find((i: { id: string }) => i.id === first);
    expect(item).toMatchObject({
      headline: "Ship small",
      quote: "Small batches ship.",
      speaker: "Ada Example",
      start_seconds: 61.5,
      show: { title: "Deep Work Show" },
      episode: { title: "On focus" },
      url: expect.stringMatching(new RegExp(`/insights/${first}$`)),
      saved: false,
    });
    expect(item.topics.length).toBeGreaterThan(0);

    const searched = await call(listInsights, "/insights?q=batches&since=2020-01-01");
    expect(searched.json.insights.map((i: { id: string }) => i.id)).toEqual([first]);
    const future = await call(listInsights, "/insights?since=2999-01-01T00:00:00Z");
    expect(future.json.insights).toEqual([]);

    const one = await call(getInsight, `/insights/${first}`, { params: { id: first } });
    expect(one.status).toBe(200);
    API_ROUTES.getInsight.response.parse(one.json);
    expect(one.json.insight.headline).toBe("Ship small");
    expect(one.json.saved).toBeNull();
    expect(Array.isArray(one.json.related)).toBe(true);
  });

  it("pages with an opaque cursor, and a malformed cursor is a 400 that says so", async () => {
    const show = await givenEpisode();
    await givenInsights(
      show.episodeId,
      Array.from({ length: 25 }, (_, n) =>
        anInsight({ headline: `Point ${n}`, quote: `Quote ${n}` }),
      ),
    );
    const { call } = await givenCaller();
    // A show's insights: every match, in pages (the mixed feed spreads episodes out).
    const first = await call(listInsights, `/insights?show=${show.podcastId}`);
    expect(first.json.insights).toHaveLength(20);
    const cursor: string = first.json.next_cursor;
    expect(cursor).toMatch(/^[\w-]+$/);
    const second = await call(listInsights, `/insights?show=${show.podcastId}&cursor=${cursor}`);
    expect(second.status).toBe(200);
    const seen = new Set([...first.json.insights, ...second.json.insights].map((i) => i.id));
    expect(seen.size).toBe(25);
    expect(second.json.next_cursor).toBeNull();

    for (const bad of ["nonsense!", "p20", encodeApiCursor("saved", "p20")]) {
      const refused = await call(listInsights, `/insights?cursor=${encodeURIComponent(bad)}`);
      expect(refused.status).toBe(400);
      expect(refused.json.error).toEqual({
        code: "bad_request",
        message: "cursor: not a cursor of this list; pass next_cursor back unchanged",
      });
    }
    const badSince = await call(listInsights, "/insights?since=yesterday");
    expect(badSince.status).toBe(400);
    expect(badSince.json.error.message).toMatch(/^since: /);
  });

  it("saves, tags, notes and unsaves; lists saves by tag and since; another reader sees none of it", async () => {
    const { first, second } = await givenCatalog();
    const { call } = await givenCaller();
    const params = { id: first };

    const saved = await call(save, `/saved/${first}`, { method: "PUT", params });
    expect(saved.status).toBe(200);
    API_ROUTES.saveInsight.response.parse(saved.json);
    expect(saved.json).toMatchObject({ id: first, note: null, tags: [] });
    await call(save, `/saved/${second}`, { method: "PUT", params: { id: second } });

    const tagged = await call(putTags, `/saved/${first}/tags`, {
      method: "PUT",
      params,
      body: { tags: ["To Try", "focus"] },
    });
    expect(tagged.status).toBe(200);
    expect(tagged.json.tags).toEqual(["focus", "to-try"]);
    const retagged = await call(putTags, "", { method: "PUT", params, body: { tags: ["focus"] } });
    expect(retagged.json.tags).toEqual(["focus"]);
    const noted = await call(putNote, "", {
      method: "PUT",
      params,
      body: { note: "Try on Monday" },
    });
    expect(noted.json.note).toBe("Try on Monday");

    const all = await call(listSaved, "/saved");
    API_ROUTES.listSaved.response.parse(all.json);
    expect(all.json.saved.map((s: { id: string }) => s.id).sort()).toEqual([first, second].sort());
    const byTag = await call(listSaved, "/saved?tag=focus");
    expect(byTag.json.saved).toMatchObject([{ id: first, note: "Try on Monday", tags: ["focus"] }]);
    const later = await call(listSaved, "/saved?updated_since=2999-01-01");
    expect(later.json.saved).toEqual([]);

    const feed = await call(listInsights, "/insights");
    expect(feed.json.insights.find((i: { id: string }) => i.id === first)?.saved).toBe(true);

    // Another reader: the save is not theirs to tag, note or remove.
    const other = await givenCaller("other");
    expect((await other.call(listSaved, "/saved")).json.saved).toEqual([]);
    for (const [handler, body] of [
      [putTags, { tags: ["x"] }],
      [putNote, { note: "mine" }],
    ] as const) {
      const refused = await other.call(handler, "", { method: "PUT", params, body });
      expect(refused.status).toBe(404);
      expect(refused.json.error.code).toBe("not_found");
    }
    expect((await other.call(unsave, "", { method: "DELETE", params })).status).toBe(404);

    const removed = await call(unsave, "", { method: "DELETE", params });
    expect(removed).toEqual({ status: 200, json: { id: first, saved: false } });
    expect((await call(unsave, "", { method: "DELETE", params })).status).toBe(404);
  });

  it("pages the saved list with its own cursor", async () => {
    const show = await givenEpisode();
    const ids = await givenInsights(
      show.episodeId,
      Array.from({ length: 52 }, (_, n) => anInsight({ headline: `Saved ${n}`, quote: `Q ${n}` })),
    );
    const { call } = await givenCaller();
    for (const id of ids) await call(save, "", { method: "PUT", params: { id } });
    const first = await call(listSaved, "/saved");
    expect(first.json.saved).toHaveLength(50);
    const second = await call(listSaved, `/saved?cursor=${first.json.next_cursor}`);
    expect(second.json).toMatchObject({ next_cursor: null });
    const all = [...first.json.saved, ...second.json.saved].map((s: { id: string }) => s.id);
    expect(new Set(all)).toEqual(new Set(ids));
    const wrongList = encodeApiCursor("insights", "p20");
    expect((await call(listSaved, `/saved?cursor=${wrongList}`)).status).toBe(400);
  });

  it("refuses a malformed body or id with a 400, and an unknown insight with a 404", async () => {
    const { first } = await givenCatalog();
    const { call } = await givenCaller();
    await call(save, "", { method: "PUT", params: { id: first } });
    const notJson = await call(putNote, "", {
      method: "PUT",
      params: { id: first },
      body: "{note",
    });
    expect(notJson).toMatchObject({
      status: 400,
      json: { error: { message: "The body is not JSON." } },
    });
    const wrongShape = await call(putTags, "", {
      method: "PUT",
      params: { id: first },
      body: { tags: "a" },
    });
    expect(wrongShape.status).toBe(400);
    expect(wrongShape.json.error.message).toMatch(/^tags: /);
    const emptyTag = await call(putTags, "", {
      method: "PUT",
      params: { id: first },
      body: { tags: [" "] },
    });
    expect(emptyTag.status).toBe(400);
    expect(emptyTag.json.error.message).toMatch(/tag needs a name/);
    const badId = await call(getInsight, "", { params: { id: "not-an-id" } });
    expect(badId.status).toBe(400);
    expect(badId.json.error.message).toMatch(/^id: /);
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await call(getInsight, "", { params: { id: unknown } })).status).toBe(404);
    expect((await call(save, "", { method: "PUT", params: { id: unknown } })).status).toBe(404);
  });

  it("GET /briefs, /briefs/{date}, /shows, /topics and /saved/readwise", async () => {
    const { first, podcastId } = await givenCatalog();
    const { reader, call } = await givenCaller();
    const db = await getDb();
    const [brief] = await db
      .insert(briefs)
      .values({ userId: reader.id, localDate: "2026-11-21", status: "sent", subject: "Your brief" })
      .returning({ id: briefs.id });
    if (!brief) throw new Error("no brief");
    await db
      .insert(briefItems)
      .values({ briefId: brief.id, position: 0, insightId: first, reason: "New" });

    const list = await call(listBriefs, "/briefs");
    API_ROUTES.listBriefs.response.parse(list.json);
    expect(list.json).toEqual({
      briefs: [{ date: "2026-11-21", status: "sent", subject: "Your brief", item_count: 1 }],
      next_cursor: null,
    });
    const day = await call(getBrief, "", { params: { date: "2026-11-21" } });
    API_ROUTES.getBrief.response.parse(day.json);
    expect(day.json.insights).toMatchObject([{ id: first, reason: "New", saved: false }]);
    expect((await call(getBrief, "", { params: { date: "2026-11-22" } })).status).toBe(404);
    expect((await call(getBrief, "", { params: { date: "21-11-2026" } })).status).toBe(400);
    // Another reader's brief of that day is not theirs.
    const other = await givenCaller("other");
    expect((await other.call(getBrief, "", { params: { date: "2026-11-21" } })).status).toBe(404);

    const shows = await call(listShows, "/shows");
    API_ROUTES.listShows.response.parse(shows.json);
    expect(shows.json.shows).toContainEqual(
      expect.objectContaining({ id: podcastId, title: "Deep Work Show", followed: false }),
    );
    const topics = await call(listTopics, "/topics");
    API_ROUTES.listTopics.response.parse(topics.json);
    expect(topics.json.topics.length).toBeGreaterThan(0);

    await call(save, "", { method: "PUT", params: { id: first } });
    const exported = await call(readwise, "/saved/readwise");
    API_ROUTES.exportReadwise.response.parse(exported.json);
    expect(exported.json.highlights).toMatchObject([
      { text: "Small batches ship.", title: "On focus", author: "Deep Work Show", location: 61 },
    ]);
    // The same document is the download at /saved/export/readwise.json.
    const file = await exportFile({ userId: reader.id, format: "readwise.json" });
    expect(file.fileName).toMatch(/-readwise\.json$/);
    expect(JSON.parse(String(file.body))).toEqual(exported.json);
  });
});
