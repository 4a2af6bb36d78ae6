// GET /api/v1/openapi.json — the API's OpenAPI 3.1 document (no token needed)
import { NextResponse } from "next/server";
import { openApiDocument } from "@/lib/api/openapi";
import { env } from "@/lib/env";

export function GET(): Response {
  return NextResponse.json(openApiDocument(new URL("/api/v1", env.APP_URL).toString()));
}
