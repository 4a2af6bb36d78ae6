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
];

describe("/api/v1 with hostile input", () => {
  it("answers every parameter with a 2xx or 4xx", async () => {
    const reader = await givenReader();
    const { secret } = await createApiToken({ userId: reader.id, name: "fuzz" });
    const headers = { authorization: `Bearer ${secret}`, "content-type": "application/json" };
    const log = vi.spyOn(console, "error");
    const failures: string[] = [];
    for (const value of HOSTILE) {
      const query = new URLSearchParams(
        ["topic", "show", "q", "since", "cursor", "tag", "updated_since"].map((p) => [p, value]),
      );
      const calls: [string, Promise<Response>][] = [
        [
          "insights",
          listInsights(new Request(`http://localhost/api/v1/insights?${query}`, { headers })),
        ],
        ["saved", listSaved(new Request(`http://localhost/api/v1/saved?${query}`, { headers }))],
        ["briefs", listBriefs(new Request(`http://localhost/api/v1/briefs?${query}`, { headers }))],
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
      ];
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
