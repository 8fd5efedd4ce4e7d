import { badgeSvg } from "@/lib/badges/cache";
import { getEnv } from "@/lib/env";

// The badge benchmark's baseline: a bare route handler of the same build that
// returns the very bytes of a badge SVG (taken once from the cache), with no
// parsing, ETag, cache headers or embed logging. Only served when BENCH_ROUTES=true.

let bytes: Uint8Array | null = null;

export async function GET(_req: Request, { params }: { params: Promise<{ file: string }> }) {
  if (!getEnv().BENCH_ROUTES) return new Response("Not found", { status: 404 });
  if (!bytes) {
    const image = await badgeSvg((await params).file.replace(/\.svg$/, ""), { size: "md", theme: "light" });
    if (!image) return new Response("Not found", { status: 404 });
    bytes = image.body;
  }
  return new Response(bytes as BodyInit, { headers: { "content-type": "image/svg+xml" } });
}
