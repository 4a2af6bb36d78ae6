// GET /dev/outbox/[id]/html — one stored email's HTML, framed by the outbox viewer
import { readOutboxMessage } from "@/lib/views/outbox";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const message = await readOutboxMessage((await params).id);
  if (!message?.html) return new Response("Not found", { status: 404 });
  return new Response(message.html, {
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy":
        "default-src 'none'; style-src 'unsafe-inline'; img-src http: https: data:; frame-ancestors 'self'; sandbox allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation",
      "cache-control": "no-store",
    },
  });
}
