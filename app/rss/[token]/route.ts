// GET /rss/[token] — a reader's saved insights as RSS, at a secret address they can reset
import { readSavedFeed } from "@/lib/views/rss";

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const feed = await readSavedFeed((await params).token);
  if (feed === null) return new Response("No such feed.", { status: 404 });
  return new Response(feed, {
    headers: {
      "content-type": "application/rss+xml; charset=utf-8",
      "cache-control": "private, max-age=300",
      "x-robots-tag": "noindex",
    },
  });
}
