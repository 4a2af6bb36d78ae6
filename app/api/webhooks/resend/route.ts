// POST /api/webhooks/resend — Resend's delivery, open, click, bounce and complaint events.
import { NextResponse } from "next/server";
import { applyResendEvent } from "@/lib/actions/email-links";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  try {
    const result = await applyResendEvent({
      body: await request.text(),
      headers: request.headers,
    });
    return NextResponse.json(result === "duplicate" ? { ok: true, duplicate: true } : { ok: true });
  } catch (error) {
    if (error instanceof AppError) {
      // Not configured is the operator's to fix: say so in the log too, not only to Resend.
      if (error.code === "unavailable") console.error(`resend webhook: ${error.message}`);
      return NextResponse.json({ ok: false, error: error.message }, { status: error.status });
    }
    // Nothing was recorded (one transaction), so Resend's retry applies the event later.
    console.error("resend webhook failed", error);
    return NextResponse.json(
      { ok: false, error: "The event could not be recorded; send it again later." },
      { status: 500 },
    );
  }
}
