import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import type { InsightCard } from "@/db/queries/insights";
import type { SaveState } from "@/db/queries/saves";
import { env } from "@/lib/env";
import { AppError, type PublicError, publicError } from "@/lib/errors";
import { formatTimestamp } from "@/lib/format";
import { listenHref } from "@/lib/listen";
import { insightPageUrl } from "@/lib/views/api-shape";

// What the MCP tools answer: each insight as one plain object (its quote, who said it, on which
// show and episode, where to hear it and its page here), validated by the tools' output schemas,
// and the same as Markdown for an assistant that reads only text.

export const insightShape = z.object({
  id: z.string().describe("The insight's id, for get_insight, save_insight and tag_insight."),
  headline: z.string(),
  body: z.string().describe("What the insight says, in a few sentences."),
  quote: z.string().describe("The words said in the episode."),
  speaker: z.string().nullable(),
  show: z.string(),
  episode: z.string(),
  publishedAt: z.string().nullable().describe("When the episode came out (ISO 8601)."),
  listenAt: z.string().nullable().describe('The quote\'s moment in the episode, "12:34".'),
  listenUrl: z.string().nullable().describe("The audio at that moment, or the episode's page."),
  url: z.string().describe("The insight's page in Podbrief."),
  topics: z.array(z.string()),
  saved: z.boolean().describe("Whether the reader has it in their library."),
  tags: z.array(z.string()).describe("The reader's tags on it (when saved)."),
  note: z.string().nullable().describe("The reader's note on it (when saved)."),
});
export type InsightOut = z.output<typeof insightShape>;

/** An address in Podbrief (APP_URL and a path). */
export function appUrl(path: string): string {
  return new URL(path, env.APP_URL).toString();
}

export function insightOut(card: InsightCard, save: SaveState | null): InsightOut {
  const { id, headline, body, quote, speaker } = card;
  return {
    id,
    headline,
    body,
    quote,
    speaker,
    show: card.podcast.title,
    episode: card.episode.title,
    publishedAt: card.episode.publishedAt?.toISOString() ?? null,
    listenAt: card.quoteStartS === null ? null : formatTimestamp(card.quoteStartS),
    listenUrl: listenHref(card.episode, card.quoteStartS),
    url: insightPageUrl(card.id),
    topics: card.topics.map((t) => t.label),
    saved: save !== null,
    tags: save?.tags.map((t) => t.name) ?? [],
    note: save?.note ?? null,
  };
}

/** One insight in Markdown: headline, the quote and where it was said, links, the reader's save. */
export function insightText(insight: InsightOut): string {
  const who = [insight.speaker, insight.show].filter(Boolean).join(", ");
  const at = insight.listenAt ? ` (at ${insight.listenAt})` : "";
  const lines = [
    `### ${insight.headline}`,
    `> ${insight.quote.replace(/\n+/g, " ")}`,
    `— ${who} · “${insight.episode}”${at}`,
    "",
    insight.body,
    "",
    `- Listen: ${insight.listenUrl ?? "no audio link"}`,
    `- Page: ${insight.url}`,
    `- id: ${insight.id}`,
  ];
  if (insight.topics.length > 0) lines.push(`- Topics: ${insight.topics.join(", ")}`);
  if (insight.saved) {
    const tags = insight.tags.length > 0 ? `, tagged ${insight.tags.join(", ")}` : "";
    lines.push(`- In the reader's library${tags}`);
    if (insight.note) lines.push(`- Note: ${insight.note}`);
  }
  return lines.join("\n");
}

/** Several insights in Markdown, under a heading, or a sentence when there are none. */
export function insightsText(heading: string, insights: InsightOut[], none: string): string {
  if (insights.length === 0) return none;
  return [`## ${heading}`, ...insights.map(insightText)].join("\n\n");
}

export type BriefOut = {
  date: string;
  found: boolean;
  status: string | null;
  subject: string | null;
  reason: string | null;
  items: (InsightOut & { why: string | null })[];
};

/** A day's brief in Markdown: its insights with why each was chosen, or why there was none. */
export function briefText(brief: BriefOut): string {
  if (!brief.found) return `No brief was made for ${brief.date}.`;
  if (brief.items.length === 0) {
    return `The brief of ${brief.date} was ${brief.status ?? "empty"}: ${brief.reason ?? "nothing to send"}.`;
  }
  const items = brief.items.map((i) =>
    i.why ? `${insightText(i)}\n- Why: ${i.why}` : insightText(i),
  );
  return [`## Brief of ${brief.date}${brief.subject ? `: ${brief.subject}` : ""}`, ...items].join(
    "\n\n",
  );
}

/** The failure of a lib action as the error it stands for. */
export function unwrap<T>(result: { ok: true; data: T } | { ok: false; error: PublicError }): T {
  if (!result.ok) throw new AppError(result.error.code, result.error.message);
  return result.data;
}

/**
 * A tool's answer: its text and structured content, or, when it fails, our own message (a bug's
 * details go to the log only, never to the assistant) as a tool error the assistant can read.
 */
export async function answer(
  doing: string,
  run: () => Promise<{ text: string; data: Record<string, unknown> }>,
): Promise<CallToolResult> {
  try {
    const { text, data } = await run();
    return { content: [{ type: "text", text }], structuredContent: data };
  } catch (error) {
    const { message } = publicError(error, doing);
    return { content: [{ type: "text", text: message }], isError: true };
  }
}
