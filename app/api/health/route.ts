// GET /api/health — is the database reachable and fully migrated?
import { NextResponse } from "next/server";
import { readHealth } from "@/lib/views/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await readHealth();
  return NextResponse.json(health, { status: health.ok ? 200 : 503 });
}
