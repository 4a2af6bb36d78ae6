import { describe, expect, it, vi } from "vitest";
import { GET as getBrief } from "@/app/api/v1/briefs/[date]/route";
import { GET as listBriefs } from "@/app/api/v1/briefs/route";
import { GET as getInsight } from "@/app/api/v1/insights/[id]/route";
import { GET as listInsights } from "@/app/api/v1/insights/route";
import { PUT as putNote } from "@/app/api/v1/saved/[id]/note/route";
import { PUT as putTags } from "@/app/api/v1/saved/[id]/tags/route";
import { GET as listSaved } from "@/app/api/v1/saved/route";
import { createApiToken } from "@/lib/api-tokens";
import { givenReader } from "./factories";

// The API with a valid token and hostile values in every parameter it reads (the e2e fuzz tier
// reaches these routes only without a token, where they stop at the 401): never a 5xx.

const HOSTILE = [
  "\u0000",
  "\ud800",
  "\u202e",
  "\u200b\u200b",
  "' OR 1=1 --",
  "%_\\",
  "2026-02-30",
  "9999-99-99",
  "-1",
  "99999999999999999999999",
  "00000000-0000-4000-8000-000000000000",
  "x".repeat(4000),
  // Crafted to pass a loose pattern and fail in the database: year 0 and past 9999, a "uuid" of
  // dashes in a saved-list cursor, a feed cursor from far in the future.
  "0000-01-01",
  "9999-12-31T23:00:00-05:00",
  Buffer.from(`saved:2026-01-01T00:00:00.000000_${"-".repeat(36)}`).toString("base64url"),
  Buffer.from(`insights:${(8e15).toString(36)}.0`).toString("base64url"),
];

const QUERY_FIELDS = ["topic", "show", "q", "since", "cursor", "tag", "updated_since"];

describe("/api/v1 with hostile input", () => {
  it("answers every parameter with a 2xx or 4xx", async () => {
    const reader = await givenReader();
    const { secret } = await createApiToken({ userId: reader.id, name: "fuzz" });
    const headers = { authorization: `Bearer ${secret}`, "content-type": "application/json" };
    const log = vi.spyOn(console, "error");
    const failures: string[] = [];
    for (const value of HOSTILE) {
      // One parameter at a time: all at once, the first refusal would hide what the others do.
      const lists: [string, string, typeof listInsights][] = [
        ["insights", "/api/v1/insights", listInsights],
        ["saved", "/api/v1/saved", listSaved],
        ["briefs", "/api/v1/briefs", listBriefs],
      ];
      const calls: [string, Promise<Response>][] = lists.flatMap(([name, path, route]) =>
        QUERY_FIELDS.map((field): [string, Promise<Response>] => [
          `${name}?${field}`,
          route(
            new Request(`http://localhost${path}?${new URLSearchParams({ [field]: value })}`, {
              headers,
            }),
          ),
        ]),
      );
      calls.push(
        [
          "insight",
          getInsight(new Request("http://localhost/api/v1/insights/x", { headers }), {
            params: Promise.resolve({ id: value }),
          }),
        ],
        [
          "brief",
          getBrief(new Request("http://localhost/api/v1/briefs/x", { headers }), {
            params: Promise.resolve({ date: value }),
          }),
        ],
        [
          "tags",
          putTags(
            new Request("http://localhost/api/v1/saved/x/tags", {
              method: "PUT",
              headers,
              body: JSON.stringify({ tags: [value] }),
            }),
            { params: Promise.resolve({ id: "00000000-0000-4000-8000-000000000000" }) },
          ),
        ],
        [
          "note",
          putNote(
            new Request("http://localhost/api/v1/saved/x/note", {
              method: "PUT",
              headers,
              body: JSON.stringify({ note: value }),
            }),
            { params: Promise.resolve({ id: "00000000-0000-4000-8000-000000000000" }) },
          ),
        ],
      );
      for (const [name, call] of calls) {
        const status = (await call).status;
        if (status >= 500)
          failures.push(`${name} ${JSON.stringify(value.slice(0, 12))} → ${status}`);
      }
    }
    log.mockRestore();
    expect(failures).toEqual([]);
  }, 60_000);
});
