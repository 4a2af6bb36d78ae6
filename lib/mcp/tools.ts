import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import {
  answer,
  appUrl,
  insightOut,
  insightShape,
  insightsText,
  insightText,
} from "@/lib/mcp/render";
import type { Reader } from "@/lib/session";
import { readInsight } from "@/lib/views/insight";
import { readPodcasts } from "@/lib/views/podcasts";
import { readInsightCards, searchCatalog } from "@/lib/views/search";

// The catalog's tools: search, one insight, its related insights and the shows. The reader's own
// (their library, saving, tagging, their brief) are in ./reader-tools. Descriptions are written
// for the assistant that picks a tool: what it finds, what to pass, what comes back.

const readOnly = { readOnlyHint: true, openWorldHint: false } as const;
const insightId = z.uuid().describe("An insight's id, as the other tools return it.");

export function registerCatalogTools(server: McpServer, reader: Reader): void {
  registerSearch(server, reader);
  registerGetInsight(server, reader);
  registerRelated(server, reader);
  registerShows(server);
}

function registerSearch(server: McpServer, reader: Reader): void {
  server.registerTool(
    "search_insights",
    {
      title: "Search podcast insights",
      description:
        "Search every podcast insight in Podbrief (ideas, advice and claims taken from episodes, each " +
        "with the quote that says it) by words and by meaning: a paraphrase or a question works, not " +
        "only exact words. Use it when the reader asks what was said about a subject. Each result has " +
        "the quote, the speaker, the show and episode, a link to listen at that moment and whether the " +
        "reader saved it. Pass `query` in plain language.",
      inputSchema: {
        query: z.string().trim().min(2).max(200).describe("What to look for, in plain language."),
        limit: z.number().int().min(1).max(25).default(10).describe("At most this many results."),
      },
      outputSchema: {
        query: z.string(),
        results: z.array(
          insightShape.extend({
            matchedBy: z
              .array(z.enum(["words", "meaning"]))
              .describe("Whether its words, its meaning or both matched."),
          }),
        ),
      },
      annotations: readOnly,
    },
    ({ query, limit }) =>
      answer("searching the insights", async () => {
        const found = await searchCatalog({ reader, query, limit });
        const results = found.map((f) => ({
          ...insightOut(f.card, f.save),
          matchedBy: f.matchedBy,
        }));
        return {
          text: insightsText(`Insights for “${query}”`, results, `No insight matches “${query}”.`),
          data: { query, results },
        };
      }),
  );
}

function registerGetInsight(server: McpServer, reader: Reader): void {
  server.registerTool(
    "get_insight",
    {
      title: "Get one insight",
      description:
        "One podcast insight by its id: its headline, what it says, the quote, speaker, show and " +
        "episode, the link to listen at that moment, its page in Podbrief, the reader's tags and note " +
        "when they saved it, and the headlines of related insights from other episodes.",
      inputSchema: { id: insightId },
      outputSchema: {
        insight: insightShape,
        related: z.array(
          z.object({ id: z.string(), headline: z.string(), show: z.string(), episode: z.string() }),
        ),
      },
      annotations: readOnly,
    },
    ({ id }) =>
      answer("reading the insight", async () => {
        const found = await readInsight({ reader, id });
        if (!found) throw new AppError("not_found:insight", `No insight has the id ${id}.`);
        const insight = insightOut(found.insight, found.save);
        const related = found.related.map((r) => ({
          id: r.id,
          headline: r.headline,
          show: r.podcastTitle,
          episode: r.episodeTitle,
        }));
        const list = related.map((r) => `- ${r.headline} (${r.show}; id ${r.id})`);
        const text = [insightText(insight), ...(list.length ? ["", "Related:", ...list] : [])];
        return { text: text.join("\n"), data: { insight, related } };
      }),
  );
}

function registerRelated(server: McpServer, reader: Reader): void {
  server.registerTool(
    "related_insights",
    {
      title: "Insights related to one",
      description:
        "Insights from other episodes (often other shows) that make a point close to the given " +
        "insight's, closest first, each with its quote, speaker, show, episode and listen link. Use it " +
        "to find where else an idea was discussed. May be empty when nothing is close enough.",
      inputSchema: { id: insightId },
      outputSchema: {
        id: z.string(),
        related: z.array(insightShape.extend({ similarity: z.number() })),
      },
      annotations: readOnly,
    },
    ({ id }) =>
      answer("finding related insights", async () => {
        const found = await readInsight({ reader, id });
        if (!found) throw new AppError("not_found:insight", `No insight has the id ${id}.`);
        const similarity = new Map(found.related.map((r) => [r.id, r.similarity]));
        const cards = await readInsightCards({ reader, ids: found.related.map((r) => r.id) });
        const related = cards.map(({ card, save }) => ({
          ...insightOut(card, save),
          similarity: Math.round((similarity.get(card.id) ?? 0) * 1000) / 1000,
        }));
        const heading = `Related to “${found.insight.headline}”`;
        const none = `No insight from another episode is close enough to “${found.insight.headline}”.`;
        return { text: insightsText(heading, related, none), data: { id, related } };
      }),
  );
}

function registerShows(server: McpServer): void {
  server.registerTool(
    "list_shows",
    {
      title: "List the podcasts",
      description:
        "The podcasts Podbrief takes insights from, with how many episodes each has and when its feed " +
        "was last checked. Pass `query` to keep only shows whose title contains it.",
      inputSchema: {
        query: z.string().trim().max(200).optional().describe("Part of a show's title."),
      },
      outputSchema: {
        shows: z.array(
          z.object({
            id: z.string(),
            title: z.string(),
            episodeCount: z.number(),
            checkedAt: z.string().nullable(),
            feedUrl: z.string(),
            insightsUrl: z.string().describe("The reader's feed of this show's insights."),
          }),
        ),
      },
      annotations: readOnly,
    },
    ({ query }) =>
      answer("listing the shows", async () => {
        const wanted = query?.toLowerCase() ?? "";
        const shows = (await readPodcasts())
          .filter((show) => show.title.toLowerCase().includes(wanted))
          .map((show) => ({
            id: show.id,
            title: show.title,
            episodeCount: show.episodeCount,
            checkedAt: show.checkedAt?.toISOString() ?? null,
            feedUrl: show.feedUrl,
            insightsUrl: appUrl(`/feed?${new URLSearchParams({ show: show.id })}`),
          }));
        const lines = shows.map((s) => `- ${s.title}: ${s.episodeCount} episodes (id ${s.id})`);
        const text = shows.length ? ["## Shows", ...lines].join("\n") : "No show matches.";
        return { text, data: { shows } };
      }),
  );
}
