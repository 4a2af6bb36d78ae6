import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as route from "@/app/api/mcp/route";
import { getDb } from "@/db/client";
import { upsertEpisode, upsertPodcast } from "@/db/queries/catalog";
import { briefItems, briefs } from "@/db/schema";
import { API_LIMIT } from "@/lib/api-limits";
import { createApiToken, revokeToken } from "@/lib/api-tokens";
import { env } from "@/lib/env";
import { embedTexts } from "@/lib/insights/embed";
import { type RouteServer, serveRoute } from "../support/route-server";
import { anInsight, givenEpisode, givenInsights, givenReader } from "./factories";

// The MCP server at /api/mcp over real HTTP, driven by the SDK's own client: the tools an
// assistant sees, search by meaning, saving into the reader's library and no further, and the
// bearer token that decides whose library that is.

let server: RouteServer;

beforeAll(async () => {
  server = await serveRoute("/api/mcp", route);
});

afterAll(async () => {
  await server.close();
});

const clients: Client[] = [];

async function connect(secret: string): Promise<Client> {
  const client = new Client({ name: "podbrief-test", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(new URL(server.url), {
    requestInit: { headers: { authorization: `Bearer ${secret}` } },
  });
  await client.connect(transport);
  clients.push(client);
  return client;
}

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

async function givenReaderWithToken(name: string) {
  const reader = await givenReader(name);
  const { secret, token } = await createApiToken({ userId: reader.id, name: "assistant" });
  return { reader, secret, tokenId: token.id };
}

/** A show and an episode with audio, so insights have a listen-at link. */
async function givenCatalog() {
  const podcastId = await upsertPodcast({
    podcast: { feedUrl: "https://example.com/craft.xml", title: "The Craft Show" },
  });
  const episodeId = await upsertEpisode({
    episode: {
      podcastId,
      guid: "craft-1",
      title: "Meetings that decide",
      audioUrl: "https://cdn.example.com/craft-1.mp3",
      publishedAt: new Date("2026-11-20T08:00:00Z"),
    },
  });
  // Embedded as the pipeline does (lib/insights/summarize): headline and body, with the
  // deployment's embedding (here the local one: no AI provider is configured in tests).
  const items = [
    anInsight(),
    anInsight({
      headline: "Sleep is the cheapest performance tool",
      body: "Seven hours of sleep did more for focus than any supplement the guest tried.",
      quote: "Nothing I bought beat going to bed.",
      speaker: "Grace Example",
      topics: ["health"],
    }),
    anInsight({
      headline: "Hire for judgement, not trivia",
      body: "Interview questions about obscure facts select for memory; ask candidates to reason through a real tradeoff instead.",
      quote: "I don't care if you remember the flag.",
      speaker: "Alan Example",
      topics: ["careers"],
    }),
  ];
  const vectors = await embedTexts(items.map((i) => `${i.headline}. ${i.body}`));
  const ids = await givenInsights(
    episodeId,
    items.map((item, n) => ({ ...item, embedding: vectors[n] })),
  );
  return { decisionId: ids[0] as string, ids };
}

type Found = { id: string; matchedBy: string[]; listenUrl: string | null; url: string };

describe("the MCP server", () => {
  it("lists its eight tools and finds an insight by a paraphrase", async () => {
    const { secret } = await givenReaderWithToken("assistant");
    const { decisionId } = await givenCatalog();
    const client = await connect(secret);

    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([
      "get_brief",
      "get_insight",
      "list_saved",
      "list_shows",
      "related_insights",
      "save_insight",
      "search_insights",
      "tag_insight",
    ]);

    // Not the headline's words: "decisions", "writing" and "meetings" share stems with the
    // insight ("Write the decision down before the meeting ends"), "put" and "why" do not, so
    // full text (which wants every word) misses it and the query's meaning finds it.
    const result = await client.callTool({
      name: "search_insights",
      arguments: { query: "why put decisions in writing during meetings" },
    });
    expect(result.isError).toBeFalsy();
    const { results } = result.structuredContent as { results: Found[] };
    expect(results[0]).toMatchObject({
      id: decisionId,
      matchedBy: ["meaning"],
      listenUrl: "https://cdn.example.com/craft-1.mp3#t=754",
      url: `${env.APP_URL.replace(/\/$/, "")}/insights/${decisionId}`,
    });
    const [text] = result.content as { type: string; text: string }[];
    expect(text?.text).toContain("If it isn't written down, it wasn't decided.");
    expect(text?.text).toContain("Ada Example, The Craft Show");
  });

  it("saves and tags into the reader's library, which another reader's token never sees", async () => {
    const { secret } = await givenReaderWithToken("owner");
    const { decisionId } = await givenCatalog();
    const owner = await connect(secret);

    const saved = await owner.callTool({ name: "save_insight", arguments: { id: decisionId } });
    expect(saved.structuredContent).toMatchObject({ insight: { id: decisionId, saved: true } });
    const tagged = await owner.callTool({
      name: "tag_insight",
      arguments: { id: decisionId, tags: ["Meeting Habits"] },
    });
    expect(tagged.structuredContent).toMatchObject({ insight: { tags: ["meeting-habits"] } });

    const listed = await owner.callTool({ name: "list_saved", arguments: {} });
    const library = listed.structuredContent as { items: Found[]; tags: { name: string }[] };
    expect(library.items.map((i) => i.id)).toEqual([decisionId]);
    expect(library.tags.map((t) => t.name)).toEqual(["meeting-habits"]);
    const resource = await owner.readResource({ uri: `podbrief://saved/${decisionId}` });
    expect(JSON.stringify(resource.contents)).toContain("meeting-habits");
    const { resources } = await owner.listResources();
    expect(resources.map((r) => r.uri)).toEqual([`podbrief://saved/${decisionId}`]);

    const { secret: otherSecret } = await givenReaderWithToken("stranger");
    const stranger = await connect(otherSecret);
    const theirs = await stranger.callTool({ name: "list_saved", arguments: {} });
    expect(theirs.structuredContent).toMatchObject({ items: [], tags: [], nextCursor: null });
    await expect(stranger.readResource({ uri: `podbrief://saved/${decisionId}` })).rejects.toThrow(
      /Nothing at podbrief:\/\/saved/,
    );
    const seen = await stranger.callTool({ name: "get_insight", arguments: { id: decisionId } });
    expect(seen.structuredContent).toMatchObject({ insight: { saved: false, tags: [] } });
    expect((await stranger.listResources()).resources).toEqual([]);
  });

  it("answers an unknown insight, a bad tag and a missing brief in words, as tool errors", async () => {
    const { secret } = await givenReaderWithToken("careful");
    const { decisionId } = await givenCatalog();
    const client = await connect(secret);
    const missing = "00000000-0000-4000-8000-000000000000";

    const unknown = await client.callTool({ name: "save_insight", arguments: { id: missing } });
    expect(unknown.isError).toBe(true);
    expect(JSON.stringify(unknown.content)).toMatch(/not found/i);
    const related = await client.callTool({ name: "related_insights", arguments: { id: missing } });
    expect(JSON.stringify(related.content)).toContain(`No insight has the id ${missing}`);
    const badTag = await client.callTool({
      name: "tag_insight",
      arguments: { id: decisionId, tags: ["!!!"] },
    });
    expect(badTag.isError).toBe(true);
    expect(JSON.stringify(badTag.content)).toContain("a tag needs at least one letter or digit");

    const brief = await client.callTool({ name: "get_brief", arguments: { date: "2026-11-24" } });
    expect(brief.structuredContent).toMatchObject({ date: "2026-11-24", found: false, items: [] });
    // No date: the reader's today, in UTC until they choose a time zone.
    const today = await client.callTool({ name: "get_brief", arguments: {} });
    expect(today.structuredContent).toMatchObject({ date: new Date().toISOString().slice(0, 10) });
    const shows = await client.callTool({ name: "list_shows", arguments: { query: "craft" } });
    expect(shows.structuredContent).toMatchObject({
      shows: [{ title: "The Craft Show", episodeCount: 1 }],
    });
  });

  it("refuses a call without a token, with an unknown one or a revoked one: 401", async () => {
    const { reader, secret, tokenId } = await givenReaderWithToken("revoked");
    const initialize = {
      jsonrpc: "2.0",
      id: 1,
      method: "initialize",
      params: {
        protocolVersion: "2025-06-18",
        capabilities: {},
        clientInfo: { name: "curl", version: "1" },
      },
    };
    const post = (headers: Record<string, string>) =>
      fetch(server.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/json, text/event-stream",
          ...headers,
        },
        body: JSON.stringify(initialize),
      });

    const live = await post({ authorization: `Bearer ${secret}` });
    expect(live.status).toBe(200);
    expect(await live.json()).toMatchObject({ result: { serverInfo: { name: "podbrief" } } });

    const none = await post({});
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(await none.json()).toMatchObject({ error: { code: "unauthorized" } });
    expect((await post({ authorization: "Bearer pb_not-a-token" })).status).toBe(401);

    await revokeToken({ userId: reader.id, id: tokenId });
    expect((await post({ authorization: `Bearer ${secret}` })).status).toBe(401);
    await expect(connect(secret)).rejects.toThrow();
    // Only POST carries messages in a stateless server: no stream to open or session to end.
    const { secret: fresh } = await givenReaderWithToken("getter");
    const get = await fetch(server.url, { headers: { authorization: `Bearer ${fresh}` } });
    expect(get.status).toBe(405);
  });

  it("holds a token to the API's limit per minute: 429 with Retry-After, another token unaffected", async () => {
    const { secret } = await givenReaderWithToken("busy");
    const { secret: other } = await givenReaderWithToken("calm");
    const ping = (token: string) =>
      fetch(server.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/json, text/event-stream",
          authorization: `Bearer ${token}`,
        },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping" }),
      });
    // A fixed window: the limit's worth of calls pass, the next is refused (had a minute turned
    // over in between, the count starts again, so the refusal comes at most a window later).
    let passed = 0;
    let over = await ping(secret);
    while (over.status !== 429 && passed <= 2 * API_LIMIT.limit) {
      passed++;
      over = await ping(secret);
    }
    expect(passed).toBeGreaterThanOrEqual(API_LIMIT.limit);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await over.json()).toMatchObject({ error: { code: "rate_limited" } });
    expect((await ping(other)).status).not.toBe(429);
  });

  it("reads a day's brief, as a tool and as a resource, and the same point made on another show", async () => {
    const { reader, secret } = await givenReaderWithToken("briefed");
    const { decisionId } = await givenCatalog();
    const db = await getDb();
    const [brief] = await db
      .insert(briefs)
      .values({ userId: reader.id, localDate: "2026-11-24", status: "sent", subject: "Decide" })
      .returning({ id: briefs.id });
    await db.insert(briefItems).values({
      briefId: brief?.id as string,
      position: 0,
      insightId: decisionId,
      reason: "You follow leadership",
    });
    const client = await connect(secret);

    const day = await client.callTool({ name: "get_brief", arguments: { date: "2026-11-24" } });
    expect(day.structuredContent).toMatchObject({
      found: true,
      status: "sent",
      subject: "Decide",
      items: [{ id: decisionId, why: "You follow leadership", speaker: "Ada Example" }],
    });
    const resource = await client.readResource({ uri: "podbrief://brief/2026-11-24" });
    expect(JSON.stringify(resource.contents)).toContain("Write the decision down");
    await expect(client.readResource({ uri: "podbrief://brief/2026-11-25" })).rejects.toThrow(
      /Nothing at/,
    );

    // The same point in nearly the same words, on another show: listed as related.
    const { episodeId } = await givenEpisode({ show: "Another Show" });
    const text =
      "Write the decision down before the meeting ends, or it is argued again next week.";
    const [again] = await givenInsights(episodeId, [
      anInsight({
        body: text,
        quote: "Decisions not written are not made.",
        embedding: (
          await embedTexts([`Write the decision down before the meeting ends. ${text}`])
        )[0],
      }),
    ]);
    const related = await client.callTool({
      name: "related_insights",
      arguments: { id: decisionId },
    });
    expect(related.structuredContent).toMatchObject({
      related: [{ id: again, show: "Another Show", quote: "Decisions not written are not made." }],
    });
  });
});
