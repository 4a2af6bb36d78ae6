// POST /api/unsubscribe?t=… — one-click unsubscribe (RFC 8058); a GET shows the page with a button
import { NextResponse } from "next/server";
import { unsubscribeFromBrief } from "@/lib/actions/email-links";
import { verifyBriefToken } from "@/lib/brief/tokens";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const url = new URL(request.url);
  const token = verifyBriefToken(url.searchParams.get("t"));
  if (token?.action !== "unsubscribe") {
    return new Response("This unsubscribe link is not valid or has expired.", { status: 400 });
  }
  await unsubscribeFromBrief({ userId: token.userId });
  // Mail clients post "List-Unsubscribe=One-Click" and want a 2xx; a person's form gets a page.
  const form = await request.text().catch(() => "");
  if (form.includes("List-Unsubscribe=One-Click"))
    return new Response("Unsubscribed.", { status: 200 });
  return NextResponse.redirect(new URL("/unsubscribe?done=1", url), 303);
}

export async function GET(request: Request) {
  const url = new URL(request.url);
  const target = new URL("/unsubscribe", url);
  target.searchParams.set("t", url.searchParams.get("t") ?? "");
  return NextResponse.redirect(target, 303);
}
