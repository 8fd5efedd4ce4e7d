import { NextResponse } from "next/server";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { API_ROUTES } from "@/lib/api/routes";
import { getEnv } from "@/lib/env";

/** GET /api/v1/openapi.json — the OpenAPI 3.1 document, generated from the zod schemas. */
export async function GET() {
  return NextResponse.json(buildOpenApiDocument(API_ROUTES, getEnv().APP_URL), {
    headers: { "cache-control": "public, max-age=300", "access-control-allow-origin": "*" },
  });
}
