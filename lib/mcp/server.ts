import "server-only";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { registerReaderTools } from "@/lib/mcp/reader-tools";
import { registerResources } from "@/lib/mcp/resources";
import { registerCatalogTools } from "@/lib/mcp/tools";
import type { Reader } from "@/lib/session";

// Podbrief's MCP server for one reader: the catalog's tools, the reader's own and their resources,
// each seeing exactly what the reader sees. Over HTTP it is stateless: every POST gets a new
// server and transport and a JSON answer, so any instance can answer any request and nothing is
// kept between them (no session id, no open stream).

const INSTRUCTIONS =
  "Podbrief turns podcast episodes into short insights, each with the quote that says it and a " +
  "link to listen at that moment. Search them with search_insights (words or meaning), read one " +
  "with get_insight and related_insights, see the reader's library with list_saved and their " +
  "daily brief with get_brief. save_insight and tag_insight add to the library; nothing here " +
  "deletes. When you cite an insight, give its listen link and the show and episode.";

export function mcpServer(reader: Reader): McpServer {
  const server = new McpServer(
    { name: "podbrief", title: "Podbrief", version: "1.0.0" },
    { instructions: INSTRUCTIONS },
  );
  registerCatalogTools(server, reader);
  registerReaderTools(server, reader);
  registerResources(server, reader);
  return server;
}

/**
 * Answers one request of the streamable HTTP transport for a reader already authenticated. Only
 * POST carries messages; with no sessions there is no stream to open (GET) or end (DELETE), which
 * the transport's specification answers with 405.
 */
export async function answerMcp(request: Request, reader: Reader): Promise<Response> {
  if (request.method !== "POST") {
    return Response.json(
      {
        jsonrpc: "2.0",
        error: { code: -32000, message: "Method not allowed: POST only." },
        id: null,
      },
      { status: 405, headers: { allow: "POST" } },
    );
  }
  const server = mcpServer(reader);
  const transport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: true,
  });
  await server.connect(transport);
  try {
    return await transport.handleRequest(request);
  } finally {
    await server.close();
  }
}
