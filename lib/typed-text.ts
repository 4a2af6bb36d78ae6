import { z } from "zod";

// Text a reader types into a form, made fit to store and to show: PostgreSQL refuses NUL, and
// zero-width or direction-override characters can make a tag look empty or like another one.
// Each field says its own limit in words a person can act on.

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
// Zero-width characters and bidirectional embeddings, overrides and isolates.
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** Typed text without control or invisible characters, trimmed, at most `max` characters. */
export function typedText(max: number, tooLong: string) {
  return z
    .string()
    .transform((text) => text.replace(CONTROL, "").replace(INVISIBLE, "").trim())
    .pipe(z.string().max(max, tooLong));
}

/** A tag's name as stored: per reader, lower-case, spaces turned into dashes. */
export const tagName = typedText(200, "a tag name is at most 40 characters")
  .transform((name) => name.toLowerCase().replace(/\s+/g, "-").replace(/,/g, ""))
  .pipe(
    z
      .string()
      .min(1, "a tag needs a name")
      .max(40, "a tag name is at most 40 characters")
      .regex(/[\p{L}\p{N}]/u, "a tag needs at least one letter or digit"),
  );
