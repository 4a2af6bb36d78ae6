import { describe, expect, it } from "vitest";
import { EMBEDDING_DIMENSIONS } from "@/db/schema/columns";
import { cosine, localEmbedding } from "@/lib/insights/local-embedding";

const norm = (v: number[]) => Math.hypot(...v);

const hiringA =
  "Hire engineers by running a paid work sample instead of whiteboard interviews with candidates.";
const hiringB =
  "When hiring an engineer, interview candidates on a real task from the codebase, and pay them.";
const sleep = "Keep naps short and stop caffeine eight hours before bed to protect deep sleep.";

describe("localEmbedding", () => {
  it("is deterministic and has the schema's dimensions", () => {
    const vector = localEmbedding(hiringA);
    expect(vector).toHaveLength(EMBEDDING_DIMENSIONS);
    expect(localEmbedding(hiringA)).toEqual(vector);
  });

  it("has unit length, and is all zeros for text without content words", () => {
    expect(norm(localEmbedding(sleep))).toBeCloseTo(1, 10);
    expect(localEmbedding("").every((x) => x === 0)).toBe(true);
    expect(localEmbedding("and the of it, so...").every((x) => x === 0)).toBe(true);
  });

  it("puts two texts about hiring engineers closer than hiring and sleep", () => {
    const similar = cosine(localEmbedding(hiringA), localEmbedding(hiringB));
    const different = cosine(localEmbedding(hiringA), localEmbedding(sleep));
    expect(similar).toBeGreaterThan(different + 0.1);
  });

  it("treats inflections and case as the same word", () => {
    const a = localEmbedding("Hiring Engineers");
    expect(cosine(a, localEmbedding("hired engineer"))).toBeCloseTo(1, 10);
    expect(cosine(a, localEmbedding("hires engineers"))).toBeCloseTo(1, 10);
  });

  it("scores identical text 1, and reordered words high but below 1", () => {
    expect(cosine(localEmbedding(sleep), localEmbedding(sleep))).toBeCloseTo(1, 10);
    const reordered = cosine(
      localEmbedding("slow reviews block engineers"),
      localEmbedding("engineers block slow reviews"),
    );
    expect(reordered).toBeGreaterThan(0.6);
    expect(reordered).toBeLessThan(0.999);
  });
});

describe("cosine", () => {
  it("is 0 against a zero vector and refuses vectors of different lengths", () => {
    expect(cosine([0, 0], [1, 0])).toBe(0);
    expect(cosine([1, 0], [-1, 0])).toBe(-1);
    expect(() => cosine([1], [1, 0])).toThrow();
  });
});
