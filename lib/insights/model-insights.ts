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
import { after, LEASE_SECONDS } from "@/lib/work/units";
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

export async function modelCandidates({
  named,
  segments,
  contentHash,
  now,
  leaseUntil = after(now, LEASE_SECONDS.summarize * 1000),
}: {
  named: NamedModel<LanguageModel>;
  segments: readonly Segment[];
  contentHash: string;
  now: Date;
  /**
   * The summarize unit's lease (its episode's): the cache key is held exactly as long, so one
   * lease guards the unit. A caller without one (the eval script) holds the key for a unit's term.
   */
  leaseUntil?: Date;
}): Promise<{ candidates: Candidate[]; ungrounded: number; usage: ModelUsage | null }> {
  const key = createHash("sha256")
    .update(`${contentHash}|${named.id}|${PROMPT_VERSION}`)
    .digest("hex");
  const cached = await claimExtraction({
    key,
    model: named.id,
    promptVersion: PROMPT_VERSION,
    now,
    leaseUntil,
  });
  if (cached.state === "busy")
    throw new BusyElsewhere("another worker is summarizing this transcript right now");
  let extracted: ExtractedByModel[];
  let usage: ModelUsage | null = null;
  if (cached.state === "done") {
    extracted = extractionSchema.parse(cached.result).insights;
  } else {
    try {
      const answer = await extractWithModel({
        model: named.model,
        segments,
        contextTokens: named.contextTokens,
      });
      extracted = answer.insights;
      usage = answer.usage;
      await completeExtraction({
        key,
        token: cached.token,
        result: { insights: extracted },
        usage,
      });
    } catch (error) {
      await releaseExtraction({ key, token: cached.token });
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
    // A link the transcript never mentions is the model's invention, or an injected instruction
    // followed: such an insight is dropped whole, not just cleaned.
    if (hasForeignLink(`${insight.headline} ${insight.body}`, transcriptText)) {
      ungrounded++;
      continue;
    }
    const headline = insight.headline;
    const body = atMostSentences(insight.body, 4);
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

// Full URLs, www. hosts and bare domains with a common top-level domain ("bit.ly/x", "phish.example/login").
const LINK =
  /\bhttps?:\/\/[^\s)>\]]+|\bwww\.[^\s)>\]]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|ly|co|app|dev|ai|me|info|biz|xyz|example|link|site|online)\b(?:\/[^\s)>\]]*)?/gi;

export function hasForeignLink(text: string, transcriptText: string): boolean {
  const said = transcriptText.toLowerCase();
  return [...text.matchAll(LINK)].some(
    ([link]) => !said.includes(link.replace(/[.,;:!?]+$/, "").toLowerCase()),
  );
}
