// GET /rss/[token] — a reader's saved insights as RSS, at a secret address they can reset
import { userIdByFeedToken } from "@/db/queries/profiles";
import { savedFeed } from "@/lib/export/library";

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const userId = await userIdByFeedToken({ token });
  if (!userId) return new Response("No such feed.", { status: 404 });
  return new Response(await savedFeed({ userId, token }), {
    headers: {
      "content-type": "application/rss+xml; charset=utf-8",
      "cache-control": "private, max-age=300",
      "x-robots-tag": "noindex",
    },
  });
}
