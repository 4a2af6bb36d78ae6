// GET /api/artwork/[podcastId] — a show's artwork from our own address (lib/artwork)
import { showArtwork } from "@/lib/artwork";

export async function GET(
  request: Request,
  { params }: { params: Promise<{ podcastId: string }> },
): Promise<Response> {
  const artwork = await showArtwork((await params).podcastId);
  if (!artwork) {
    return new Response("No such show.", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  const headers = {
    "content-type": artwork.contentType,
    etag: artwork.etag,
    // Real artwork for a day (a week stale while it is fetched again); a placeholder for an hour.
    "cache-control": artwork.placeholder
      ? "public, max-age=3600"
      : "public, max-age=86400, stale-while-revalidate=604800",
    "x-content-type-options": "nosniff",
    // An SVG opened on its own is a document: it may run nothing and load nothing.
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
  };
  if (request.headers.get("if-none-match") === artwork.etag) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(Buffer.from(artwork.body), { headers });
}
