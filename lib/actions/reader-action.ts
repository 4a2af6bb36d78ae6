import type { z } from "zod";
import { AppError, type PublicError, publicError } from "@/lib/errors";
import type { Reader } from "@/lib/session";
import { issueMessage } from "@/lib/views/params";

// The one wrapper every mutation goes through: a signed-in reader, input parsed by zod, and a
// handler that receives the reader's id to scope its queries by. The result says what happened
// in words a person can read; an id that is not the reader's comes back as not_found.

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: PublicError };

export type ReaderAction<T> = (reader: Reader | null, raw: unknown) => Promise<ActionResult<T>>;

/** Form fields as an object; a field sent more than once becomes an array. */
export function formFields(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const existing = out[key];
    out[key] =
      existing === undefined
        ? value
        : Array.isArray(existing)
          ? [...existing, value]
          : [existing, value];
  }
  return out;
}

export function readerAction<S extends z.ZodType, T>(
  name: string,
  schema: S,
  handler: (input: z.output<S>, reader: Reader) => Promise<T>,
): ReaderAction<T> {
  return async (reader, raw) => {
    if (!reader) return { ok: false, error: publicError(new AppError("unauthorized"), name) };
    const parsed = schema.safeParse(raw instanceof FormData ? formFields(raw) : raw);
    if (!parsed.success) {
      return { ok: false, error: { code: "bad_request", message: issueMessage(parsed.error) } };
    }
    try {
      return { ok: true, data: await handler(parsed.data, reader) };
    } catch (error) {
      return { ok: false, error: publicError(error, name) };
    }
  };
}
