import { createHash } from "node:crypto";
import type { LanguageModel } from "ai";
import {
  claimExtraction,
  completeExtraction,
  releaseExtraction,
} from "@/db/queries/extraction-cache";
import type { Segment } from "@/db/schema";
import {
  type ExtractedByModel,
  extractionSchema,
  extractWithModel,
  type ModelUsage,
  PROMPT_VERSION,
} from "@/lib/ai/extract-insights";
import type { NamedModel } from "@/lib/ai/models";
import type { Candidate } from "./candidates";
import { createGrounder } from "./grounding";
import { qualityScore } from "./quality";
import { mapTopicLabels } from "./topic-map";

// The model path: ask once per (transcript, model, prompt version) — the cache makes sure of it —
// then check every quote against the transcript in code. The model's timestamps and speakers are
// never asked for: they come from the segment the quote was found in.

export class BusyElsewhere extends Error {
  override name = "BusyElsewhere";
}

const LEASE_SECONDS = 10 * 60;

export async function modelCandidates({
  named,
  segments,
  contentHash,
  now,
}: {
  named: NamedModel<LanguageModel>;
  segments: readonly Segment[];
  contentHash: string;
  now: Date;
}): Promise<{ candidates: Candidate[]; ungrounded: number; usage: ModelUsage | null }> {
  const key = createHash("sha256")
    .update(`${contentHash}|${named.id}|${PROMPT_VERSION}`)
    .digest("hex");
  const cached = await claimExtraction({
    key,
    model: named.id,
    promptVersion: PROMPT_VERSION,
    now,
    leaseSeconds: LEASE_SECONDS,
  });
  if (cached.state === "busy")
    throw new BusyElsewhere("another worker is summarizing this transcript right now");
  let extracted: ExtractedByModel[];
  let usage: ModelUsage | null = null;
  if (cached.state === "done") {
    extracted = extractionSchema.parse(cached.result).insights;
  } else {
    try {
      const answer = await extractWithModel({ model: named.model, segments });
      extracted = answer.insights;
      usage = answer.usage;
      await completeExtraction({ key, result: { insights: extracted }, usage });
    } catch (error) {
      await releaseExtraction({ key });
      throw error;
    }
  }
  return { ...groundAll(extracted, segments), usage };
}

function groundAll(extracted: ExtractedByModel[], segments: readonly Segment[]) {
  const ground = createGrounder(segments);
  const transcriptText = segments.map((s) => s.text).join(" ");
  const candidates: Candidate[] = [];
  let ungrounded = 0;
  for (const insight of extracted) {
    const grounded = ground(insight.quote);
    if (!grounded) {
      ungrounded++;
      continue;
    }
    const headline = withoutForeignUrls(insight.headline, transcriptText);
    const body = atMostSentences(withoutForeignUrls(insight.body, transcriptText), 4);
    candidates.push({
      headline,
      body,
      grounded,
      score: qualityScore({ headline, body, quote: grounded.text }),
      topics: mapTopicLabels(insight.topics, `${headline}. ${body}`),
    });
  }
  return { candidates, ungrounded };
}

/** Models sometimes run long; a body is 2–4 sentences. */
function atMostSentences(text: string, max: number): string {
  const sentences = text.match(/[^.!?]+(?:[.!?]+["')\]]*|$)\s*/g) ?? [text];
  return sentences.slice(0, max).join("").trim();
}

const URL = /\bhttps?:\/\/[^\s)>\]]+|\bwww\.[^\s)>\]]+/gi;

/** A link the transcript never mentions is the model's (or an injected instruction's) invention. */
export function withoutForeignUrls(text: string, transcriptText: string): string {
  return text
    .replace(URL, (url) => (transcriptText.includes(url.replace(/[.,;:!?]+$/, "")) ? url : ""))
    .replace(/\s{2,}/g, " ")
    .replace(/\s+([.,;:!?])/g, "$1")
    .trim();
}
