import { z } from "zod";

// The API's cursors are opaque: a kind and the position inside, base64url-encoded, so a client
// passes `next_cursor` back unchanged and the position's format can change without breaking it.
// Anything that is not a cursor of that list is refused (a 400 that says so).

export type CursorKind = "insights" | "saved" | "briefs";

export function encodeApiCursor(kind: CursorKind, position: string): string {
  return Buffer.from(`${kind}:${position}`, "utf8").toString("base64url");
}

/** The position inside a cursor of `kind` whose position matches `shape`, or null. */
export function decodeApiCursor(kind: CursorKind, raw: string, shape: RegExp): string | null {
  if (!/^[\w-]{1,200}$/.test(raw)) return null;
  const text = Buffer.from(raw, "base64url").toString("utf8");
  const prefix = `${kind}:`;
  if (!text.startsWith(prefix)) return null;
  const position = text.slice(prefix.length);
  return shape.test(position) ? position : null;
}

/** A `cursor` query field of one list: decoded to its position, or a bad_request. */
export function cursorField(kind: CursorKind, shape: RegExp) {
  return z
    .string()
    .transform((raw, ctx) => {
      const position = decodeApiCursor(kind, raw, shape);
      if (position !== null) return position;
      ctx.addIssue({
        code: "custom",
        message: "not a cursor of this list; pass next_cursor back unchanged",
      });
      return z.NEVER;
    })
    .optional()
    .meta({ description: "The `next_cursor` of the previous page; leave out for the first page." });
}
