// GET /dev/outbox/[id]/html — one stored email's HTML, framed by the outbox viewer
import { getOutboxMessage } from "@/db/queries/outbox";
import { outboxViewerEnabled } from "@/lib/mail/transport";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  if (!outboxViewerEnabled()) return new Response("Not found", { status: 404 });
  const message = await getOutboxMessage({ id: (await params).id });
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
