import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { readerRoute } from "@/app/api/reader-route";
import { AppError } from "@/lib/errors";
import type { Reader } from "@/lib/session";
import { readInsight } from "@/lib/views/insight";
import { anInsight, givenEpisode, givenInsights, givenReader } from "./factories";

// withReader, on a route shaped like the JSON API's: a reader's insight by id, and a note put
// as a JSON body. The reader is passed in as the session would give it (or none).

function insightRoute(reader: Reader | null) {
  return readerRoute(async () => reader)(
    { params: z.object({ id: z.uuid() }), query: z.object({ related: z.enum(["yes", "no"]) }) },
    async ({ reader, params, query }) => {
      const data = await readInsight({ reader, id: params.id });
      if (!data) throw new AppError("not_found:insight", "There is no such insight.");
      return {
        headline: data.insight.headline,
        related: query.related === "yes" ? data.related.length : null,
      };
    },
  );
}

const get = (route: ReturnType<typeof insightRoute>, id: string, query = "related=no") =>
  route(new Request(`http://localhost:3000/api/insights/${id}?${query}`), {
    params: Promise.resolve({ id }),
  });

async function givenInsight(): Promise<string> {
  const show = await givenEpisode({ show: "Show A" });
  const [id] = await givenInsights(show.episodeId, [anInsight({ headline: "Ship small" })]);
  if (!id) throw new Error("no insight");
  return id;
}

describe("withReader", () => {
  it("answers the handler's data as JSON for a signed-in reader", async () => {
    const id = await givenInsight();
    const response = await get(insightRoute(await givenReader()), id, "related=yes");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ headline: "Ship small", related: 0 });
  });

  it("answers 401 with a typed error when no reader is signed in, before any work", async () => {
    const response = await get(insightRoute(null), "not-an-id");
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: { code: "unauthorized", message: "Sign in to do that." },
    });
  });

  it("answers 400 naming the field for a malformed path parameter or query", async () => {
    const route = insightRoute(await givenReader());
    const badId = await get(route, "not-an-id");
    expect(badId.status).toBe(400);
    const { error } = await badId.json();
    expect(error.code).toBe("bad_request");
    expect(error.message).toMatch(/^id: /);

    const badQuery = await get(route, "00000000-0000-4000-8000-000000000000", "related=maybe");
    expect(badQuery.status).toBe(400);
    expect((await badQuery.json()).error.message).toMatch(/^related: /);
  });

  it("answers 404 with the AppError's own message for an insight that does not exist", async () => {
    const response = await get(
      insightRoute(await givenReader()),
      "00000000-0000-4000-8000-000000000000",
    );
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: "not_found", message: "There is no such insight." },
    });
  });

  it("parses a JSON body: not JSON or not the schema's shape is a 400", async () => {
    const reader = await givenReader();
    const route = readerRoute(async () => reader)(
      { body: z.object({ note: z.string().max(5, "a note is at most 5 characters") }) },
      async ({ body }) => ({ note: body.note }),
    );
    const put = (body: string) =>
      route(new Request("http://localhost:3000/api/note", { method: "PUT", body }));
    expect(await (await put('{"note":"hi"}')).json()).toEqual({ note: "hi" });
    const notJson = await put("{note");
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error.message).toBe("The body is not JSON.");
    const tooLong = await put('{"note":"too long"}');
    expect(tooLong.status).toBe(400);
    expect((await tooLong.json()).error.message).toBe("note: a note is at most 5 characters");
  });

  it("answers 429 for a rate limit, and 500 without the details for a bug", async () => {
    const reader = await givenReader();
    const limited = readerRoute(async () => reader)({}, async () => {
      throw new AppError("rate_limited:export");
    });
    const request = () => new Request("http://localhost:3000/api/x");
    expect((await limited(request())).status).toBe(429);

    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const broken = readerRoute(async () => reader)({}, async () => {
      throw new Error("relation secret_table does not exist");
    });
    const response = await broken(request());
    log.mockRestore();
    expect(response.status).toBe(500);
    const body = JSON.stringify(await response.json());
    expect(body).toContain("Something went wrong");
    expect(body).not.toContain("secret_table");
  });
});
