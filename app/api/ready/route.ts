import { NextResponse } from "next/server";
import { checkReady } from "@/lib/health";

/** GET /api/ready — 200 once the database is reachable and migrated; 503 otherwise. */
export async function GET() {
  const ready = await checkReady();
  return NextResponse.json(ready, { status: ready.ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
