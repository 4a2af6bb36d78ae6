import { z } from "zod";
import { AppError } from "@/lib/errors";

// A page's or route's query, parsed by one zod schema. A page's fields never fail (a value given
// twice, or of the wrong kind, is read as none, as a visitor's typo should be); a route's schema
// may refuse, and the refusal is a bad_request whose message names the field.

export type SearchParams = Record<string, string | string[] | undefined>;

/** One value of a field; a field left out or given more than once is none. */
export const one = z.preprocess(
  (value) => (typeof value === "string" ? value : undefined),
  z.string().optional(),
);

/** One value of a field, or "" for none (a search box's text). */
export const text = one.transform((value) => value ?? "");

/** Every non-empty value of a field that may repeat (`?tag=a&tag=b`). */
export const list = z.preprocess(
  (value) => [value ?? []].flat().filter(Boolean),
  z.array(z.string()),
);

/** The first issue of a failed parse, in words: "field: what is wrong". */
export function issueMessage(error: z.ZodError): string {
  const issue = error.issues[0];
  const field = issue?.path.join(".");
  return `${field ? `${field}: ` : ""}${issue?.message ?? "invalid input"}`;
}

/** A URL's query as a page receives it: a repeated field becomes an array. */
export function queryObject(query: URLSearchParams): SearchParams {
  const out: SearchParams = {};
  for (const key of new Set(query.keys())) {
    const values = query.getAll(key);
    out[key] = values.length === 1 ? values[0] : values;
  }
  return out;
}

/** The query parsed by `schema`; a refusal throws AppError("bad_request") naming the field. */
export function parseParams<S extends z.ZodType>(
  schema: S,
  params: SearchParams | URLSearchParams,
): z.output<S> {
  const parsed = schema.safeParse(params instanceof URLSearchParams ? queryObject(params) : params);
  if (!parsed.success) throw new AppError("bad_request", issueMessage(parsed.error));
  return parsed.data;
}
