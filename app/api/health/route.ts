// GET /api/health — is the database reachable and fully migrated?
import { NextResponse } from "next/server";
import { availableMigrations, dbKind } from "@/db/client";
import { appliedMigrations } from "@/db/queries/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const db = dbKind();
  try {
    const migrations = await appliedMigrations();
    const ok = migrations >= availableMigrations();
    return NextResponse.json({ ok, db, migrations }, { status: ok ? 200 : 503 });
  } catch (error) {
    console.error("health check failed", error);
    return NextResponse.json({ ok: false, db, migrations: null }, { status: 503 });
  }
}
