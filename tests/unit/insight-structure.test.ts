import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readTranscript, transcriptFormatOf } from "@/lib/ingest/transcripts";
import { selectBest } from "@/lib/insights/candidates";
import { extractiveCandidates } from "@/lib/insights/summarize";
import { loadGold } from "@/scripts/eval/gold";
import { addStructure, emptyStructure, structureOf } from "@/scripts/eval/measure";

// The structural figures of `npm run eval:insights`, held on the real corpus: whatever the
// extractor picks, every quote is the transcript's words, every insight carries the speaker and
// time its transcript states, and no label or timestamp is left inside a headline, body or quote.

const corpusDir = path.resolve("../shared/fixtures/corpus");
const corpusPresent = existsSync(corpusDir);
if (!corpusPresent) console.warn(`skipping insight structure tests: ${corpusDir} is absent`);
const gold = loadGold();

describe.runIf(corpusPresent)("insights on the real corpus", () => {
  // Collected even when skipped: read the folder only when it is there.
  const files = corpusPresent
    ? readdirSync(corpusDir)
        .filter((file) => transcriptFormatOf(null, file) !== null && file !== "SOURCES.md")
        .sort()
    : [];
  const total = emptyStructure();
  it.each(files)("%s", (file) => {
    const body = readFileSync(path.join(corpusDir, file), "utf8");
    const { segments } = readTranscript(body, transcriptFormatOf(null, file) ?? "text");
    const chosen = selectBest(extractiveCandidates(segments).candidates);
    const structure = structureOf(chosen, segments, gold.get(file));
    addStructure(total, structure);
    expect(structure.verbatim).toBe(structure.insights);
    expect(structure.examples).toEqual([]);
    expect(structure.withSpeaker).toBe(structure.speakerStated);
    expect(structure.withTime).toBe(structure.timeStated);
  });

  it("adds up to the goals of the insights issue", () => {
    expect(total.insights).toBeGreaterThan(files.length * 3);
    expect(total.labelled).toBe(0);
    expect(total.repeated).toBe(0);
    expect(total.onHost / total.interview).toBeLessThanOrEqual(0.2);
  });
});
