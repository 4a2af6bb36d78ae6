import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { list, one, parseParams, queryObject, text } from "@/lib/views/params";

// The one query parser of pages and route handlers (lib/views/params).

const pageQuery = z.object({ q: text, tag: list, cursor: one });

describe("parseParams", () => {
  it("reads a page's query leniently: a repeated single field is none, empty tags are dropped", () => {
    expect(parseParams(pageQuery, { q: ["a", "b"], tag: ["x", "", "y"], cursor: "p20" })).toEqual({
      q: "",
      tag: ["x", "y"],
      cursor: "p20",
    });
    expect(parseParams(pageQuery, {})).toEqual({ q: "", tag: [], cursor: undefined });
  });

  it("reads a URL's query the same way a page receives it", () => {
    const query = new URLSearchParams("q=ship&tag=a&tag=b");
    expect(queryObject(query)).toEqual({ q: "ship", tag: ["a", "b"] });
    expect(parseParams(pageQuery, query)).toEqual({
      q: "ship",
      tag: ["a", "b"],
      cursor: undefined,
    });
  });

  it("refuses with a bad_request naming the field when a route's schema does", () => {
    const strict = z.object({ limit: z.coerce.number().int().max(100, "at most 100") });
    expect(parseParams(strict, new URLSearchParams("limit=5"))).toEqual({ limit: 5 });
    let thrown: unknown;
    try {
      parseParams(strict, new URLSearchParams("limit=500"));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).status).toBe(400);
    expect((thrown as AppError).message).toBe("limit: at most 100");
  });
});
