import { NextResponse } from "next/server";
import { getSignedAssertion } from "@/lib/badges/public";

/** GET /verify/<badge id>/assertion.json — the badge's signed assertion: { assertion, jws }. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const signed = await getSignedAssertion((await params).id, new Date());
  const headers = { "access-control-allow-origin": "*", "cache-control": "public, max-age=60, stale-while-revalidate=120" };
  if (!signed) return NextResponse.json({ error: { code: "not_found", message: "Badge not found" } }, { status: 404, headers });
  return NextResponse.json(signed, { headers });
}
