import { NextResponse } from "next/server";
import { withApi } from "@/lib/api/handler";
import { directoryGeneration } from "@/lib/directory/cache";

/** GET /api/v1/directory/version — changes whenever a listing, a badge decision or the ranking changes. */
export const GET = withApi({ auth: "public", rateLimit: false }, async () =>
  NextResponse.json({ generation: await directoryGeneration() }, { headers: { "cache-control": "no-store" } }),
);
