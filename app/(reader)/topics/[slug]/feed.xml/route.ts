// GET /topics/[slug]/feed.xml — a topic's best recent insights as RSS, the same for everyone
import { readTopicFeed } from "@/lib/views/topic";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const feed = await readTopicFeed({ slug: (await params).slug });
  if (feed === null) {
    return new Response("No such topic.", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  return new Response(feed, {
    headers: {
      "content-type": "application/rss+xml; charset=utf-8",
      "cache-control": "public, max-age=900",
    },
  });
}
