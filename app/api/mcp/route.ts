// /api/mcp — the MCP server (streamable HTTP, stateless); bearer = a reader API token, held to
// the same per-token limit as /api/v1 before any tool runs.
import { errorResponse } from "@/app/api/reader-route";
import { checkApiLimit } from "@/lib/api-limits";
import { readerFromBearer } from "@/lib/api-tokens";
import { AppError } from "@/lib/errors";
import { answerMcp } from "@/lib/mcp/server";

export const dynamic = "force-dynamic";

const TOKEN_NEEDED = "Send a reader API token: Authorization: Bearer pb_… (make one in /settings).";

async function handle(request: Request): Promise<Response> {
  try {
    const reader = await readerFromBearer(request.headers);
    if (!reader) throw new AppError("unauthorized:token", TOKEN_NEEDED);
    await checkApiLimit({ tokenId: reader.tokenId });
    return await answerMcp(request, reader);
  } catch (error) {
    return errorResponse(error, "answering /api/mcp");
  }
}

export const GET = handle;
export const POST = handle;
export const DELETE = handle;
