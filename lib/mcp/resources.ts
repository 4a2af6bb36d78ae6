import { type McpServer, ResourceTemplate } from "@modelcontextprotocol/sdk/server/mcp.js";
import { ErrorCode, McpError, type ReadResourceResult } from "@modelcontextprotocol/sdk/types.js";
import { AppError, publicError } from "@/lib/errors";
import { readBriefOut } from "@/lib/mcp/reader-tools";
import { briefText, insightOut, insightText } from "@/lib/mcp/render";
import type { Reader } from "@/lib/session";
import { readInsight } from "@/lib/views/insight";
import { libraryParams, readLibrary } from "@/lib/views/library";

// Resources an assistant can attach to a conversation: one of the reader's saved insights
// (podbrief://saved/{insightId}, listed from the newest saves) and one day's brief
// (podbrief://brief/{date}, or podbrief://brief/today), both as Markdown.

/** "Resource not found", as the MCP specification numbers it. */
const RESOURCE_NOT_FOUND = -32002;
const MARKDOWN = "text/markdown";

export function registerResources(server: McpServer, reader: Reader): void {
  server.registerResource(
    "saved-insight",
    new ResourceTemplate("podbrief://saved/{insightId}", {
      list: async () => {
        const library = await readLibrary({ reader, params: libraryParams.parse({}) });
        return {
          resources: library.items.map(({ card }) => ({
            uri: `podbrief://saved/${card.id}`,
            name: card.headline,
            description: `${card.podcast.title}: ${card.episode.title}`,
            mimeType: MARKDOWN,
          })),
        };
      },
    }),
    {
      title: "A saved insight",
      description:
        "An insight in the reader's library: the quote, speaker, show, episode, listen link, the " +
        "reader's tags and note.",
      mimeType: MARKDOWN,
    },
    (uri, { insightId }) =>
      reading(uri, "reading the saved insight", async () => {
        const found = await readInsight({ reader, id: String(insightId) });
        if (!found?.save) return null;
        return insightText(insightOut(found.insight, found.save));
      }),
  );

  server.registerResource(
    "brief",
    new ResourceTemplate("podbrief://brief/{date}", { list: undefined }),
    {
      title: "A daily brief",
      description:
        "The reader's daily brief of a date (YYYY-MM-DD, or `today` in the reader's time zone): " +
        "its insights and why each was chosen.",
      mimeType: MARKDOWN,
    },
    (uri, { date }) =>
      reading(uri, "reading the brief", async () => {
        const day = String(date);
        if (day !== "today" && !/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
        const brief = await readBriefOut({ reader, date: day === "today" ? undefined : day });
        return brief.found ? briefText(brief) : null;
      }),
  );
}

/**
 * A resource's Markdown, or "not found" for null. Our own errors keep their message; anything
 * else is logged and answered with a generic one, as the tools do.
 */
async function reading(
  uri: URL,
  doing: string,
  read: () => Promise<string | null>,
): Promise<ReadResourceResult> {
  let text: string | null;
  try {
    text = await read();
  } catch (error) {
    const { message } = publicError(error, doing);
    const code = error instanceof AppError ? ErrorCode.InvalidParams : ErrorCode.InternalError;
    throw new McpError(code, message);
  }
  if (text === null) throw new McpError(RESOURCE_NOT_FOUND, `Nothing at ${uri.href}.`);
  return { contents: [{ uri: uri.href, mimeType: MARKDOWN, text }] };
}
