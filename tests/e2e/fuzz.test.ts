import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";

// Every page and route handler, found from the code (a new one is covered without editing this
// file), asked for with hostile values in each path segment and the query parameters the app
// reads: NUL, lone surrogates, direction overrides, zero-width text, SQL and LIKE
// metacharacters, impossible dates, huge and negative numbers, malformed ids and cursors.
// Whatever the answer, it is not a 5xx and shows no stack trace or SQL. The server actions are
// fuzzed with the same values at the database tier (tests/db/reader-actions.test.ts).

const baseUrl = inject("baseUrl");

const HOSTILE = [
  "%00",
  "%ED%A0%80", // a lone surrogate, as UTF-8 bytes
  "%E2%80%AE", // right-to-left override
  "%E2%80%8B%E2%80%8B", // zero-width only
  "'%20OR%201%3D1%20--",
  "%25_%5C",
  "2026-02-30",
  "9999-99-99",
  "2026-13-45T99%3A99%3A99.000000_00000000-0000-4000-8000-000000000000",
  "-1",
  "99999999999999999999999",
  "00000000-0000-4000-8000-000000000000",
  "not-an-id",
  "x".repeat(4000),
];
const PARAMS = [
  "q",
  "cursor",
  "after",
  "tag",
  "topic",
  "show",
  "t",
  "error",
  "callbackUrl",
  "keep",
];
// A 5xx that is the intended answer, said in words: the mail provider's webhook on a deployment
// where it is not set up asks the sender to come back later (503), as Resend expects.
const INTENDED = [{ path: /^\/api\/webhooks\/resend$/, status: 503 }];
const LEAKS =
  /\bat \S+ \(\S+:\d+:\d+\)|PostgresError|syntax error at or near|invalid input syntax|invalid byte sequence|ZodError|TypeError:|ReferenceError:/;

/** URL templates of every page.tsx and route.ts under app/, route groups left out. */
function routes(dir = "app", prefix = ""): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      const segment = /^\(.*\)$/.test(name) ? "" : `/${name}`;
      found.push(...routes(full, `${prefix}${segment}`));
    } else if (name === "page.tsx" || name === "route.ts") {
      found.push(prefix || "/");
    }
  }
  return [...new Set(found)].sort();
}

const fill = (template: string, value: string) =>
  template.replace(/\[\[?(?:\.\.\.)?\w+\]?\]/g, value);

describe("every page and route handler, with hostile input", () => {
  const templates = routes();

  it("finds the pages and route handlers in the code", () => {
    expect(templates).toContain("/feed");
    expect(templates).toContain("/saved/export/[format]");
    expect(templates.length).toBeGreaterThan(20);
  });

  it("answers each with no 5xx, no stack trace and no SQL", async () => {
    const failures: string[] = [];
    let tried = 0;
    for (const template of templates) {
      for (const value of HOSTILE) {
        const query = PARAMS.map((p) => `${p}=${value}`).join("&");
        for (const method of ["GET", "POST"] as const) {
          const url = `${baseUrl}${fill(template, value)}?${query}`;
          tried++;
          const response = await fetch(url, {
            method,
            redirect: "manual",
            headers:
              method === "POST" ? { "content-type": "application/x-www-form-urlencoded" } : {},
            body: method === "POST" ? `t=${value}&url=${value}&note=${value}` : undefined,
          }).catch((error: Error) => ({ status: 599, text: async () => error.message }));
          const body = await response.text();
          const path = fill(template, value);
          const intended = INTENDED.some((i) => i.path.test(path) && i.status === response.status);
          if ((response.status >= 500 && !intended) || LEAKS.test(body))
            failures.push(`${method} ${fill(template, value.slice(0, 20))} → ${response.status}`);
        }
      }
    }
    console.info(`fuzz tier: ${tried} requests tried, ${tried - failures.length} answered well`);
    expect(failures).toEqual([]);
  }, 300_000);
});
