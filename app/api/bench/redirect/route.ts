import { getEnv } from "@/lib/env";

// The benchmark's baseline: the cheapest possible route handler of the same
// build, a constant 302. Only served when BENCH_ROUTES=true.

export function GET() {
  if (!getEnv().BENCH_ROUTES) return new Response("Not found", { status: 404 });
  return new Response(null, { status: 302, headers: { location: "https://provenant.dev/", "cache-control": "no-store" } });
}
