import type { Segment } from "@/db/schema";

export type GroundedQuote = { segment: Segment; level: "exact" };

/**
 * Finds the transcript segment a quote was taken from. The timestamp and speaker of an insight
 * come from this segment, never from whoever wrote the quote.
 */
export function groundQuote(quote: string, segments: readonly Segment[]): GroundedQuote | null {
  const needle = quote.trim();
  if (needle === "") return null;
  const segment = segments.find((s) => s.text.includes(needle));
  return segment ? { segment, level: "exact" } : null;
}
