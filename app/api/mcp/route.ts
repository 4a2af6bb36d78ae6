// /api/mcp — the MCP server (streamable HTTP, stateless); bearer = a reader API token, held to
// the same per-token limit as /api/v1 before any tool runs.
import { errorResponse } from "@/app/api/reader-route";
import { checkApiLimit } from "@/lib/api-limits";
import { readerFromBearer } from "@/lib/api-tokens";
import { AppError } from "@/lib/errors";
import { answerMcp } from "@/lib/mcp/server";

export const dynamic = "force-dynamic";

async function handle(request: Request): Promise<Response> {
  const reader = await readerFromBearer(request.headers);
  if (!reader) {
    const { code, message } = new AppError(
      "unauthorized",
      "Send a reader API token: Authorization: Bearer pb_… (make one in /settings).",
    );
    return Response.json(
      { error: { code, message } },
      { status: 401, headers: { "www-authenticate": 'Bearer realm="podbrief"' } },
    );
  }
  try {
    await checkApiLimit({ tokenId: reader.tokenId });
  } catch (error) {
    return errorResponse(error, "answering /api/mcp");
  }
  return answerMcp(request, reader);
}

export const GET = handle;
export const POST = handle;
export const DELETE = handle;
