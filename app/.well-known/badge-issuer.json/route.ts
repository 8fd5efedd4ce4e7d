import { NextResponse } from "next/server";
import { issuerDocument } from "@/lib/badges/public";

/** GET /.well-known/badge-issuer.json — the badge issuer with the Ed25519 public key that signs assertions. */
export function GET() {
  return NextResponse.json(issuerDocument(), { headers: { "access-control-allow-origin": "*", "cache-control": "public, max-age=3600" } });
}
