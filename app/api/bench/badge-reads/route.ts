import { badgeImageReads } from "@/lib/badges/store";
import { getEnv } from "@/lib/env";

/** Database reads made for badge images so far (the benchmark checks the warm path makes none). BENCH_ROUTES only. */
export function GET() {
  if (!getEnv().BENCH_ROUTES) return new Response("Not found", { status: 404 });
  return Response.json({ reads: badgeImageReads() }, { headers: { "cache-control": "no-store" } });
}
