// GET /insights/[id]/opengraph-image — the insight as a 1200×630 card where a link to it unfurls
// Outside the (reader) group on purpose: inside a route group Next adds a hash to the image's
// address (opengraph-image-1pccls). Here it is plain, so the reader's page and the cached public
// copy (app/public/insights) both name it in full (app/_views/insight-metadata).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ImageResponse } from "next/og";
import { cardByline, cardHeadline } from "@/lib/card-text";
import { findInsight } from "@/lib/views/insight";

export const size = { width: 1200, height: 630 };
export const contentType = "image/png";
export const alt = "An insight on Podbrief: its headline, who said it and on which show";

// Geist, shipped in the repository (assets/fonts): drawing the card needs no network.
const font = readFile(path.join(process.cwd(), "assets/fonts/Geist-Regular.ttf"));

export default async function Image({ params }: { params: Promise<{ id: string }> }) {
  const insight = await findInsight((await params).id);
  if (!insight) {
    return new Response("No such insight.", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  const headline = cardHeadline(insight.headline);
  const byline = cardByline([insight.speaker, insight.podcast.title]);
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: "64px 72px",
        background: "#1c1917",
        borderTop: "16px solid #f59e0b",
        color: "#fafaf9",
        fontFamily: "Geist",
      }}
    >
      <div style={{ display: "flex", alignItems: "center", gap: 16, fontSize: 34 }}>
        <div
          style={{
            width: 44,
            height: 44,
            borderRadius: 12,
            background: "#f59e0b",
            color: "#1c1917",
            display: "flex",
            alignItems: "center",
            justifyContent: "center",
            fontSize: 30,
          }}
        >
          P
        </div>
        <span style={{ color: "#fbbf24" }}>Podbrief</span>
      </div>
      <div
        style={{
          display: "block",
          fontSize: headline.fontSize,
          lineHeight: 1.15,
          letterSpacing: -1,
          lineClamp: 4,
        }}
      >
        {headline.text}
      </div>
      <div style={{ display: "flex", fontSize: 32, color: "#d6d3d1" }}>{byline}</div>
    </div>,
    {
      ...size,
      fonts: [{ name: "Geist", data: await font, style: "normal", weight: 400 }],
      headers: { "cache-control": "public, max-age=3600, stale-while-revalidate=86400" },
    },
  );
}
