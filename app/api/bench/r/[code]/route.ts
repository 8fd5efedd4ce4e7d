import { handleRedirect } from "@/lib/attribution/redirect";
import { getEnv } from "@/lib/env";

// The tracking redirect with click recording off, for the benchmark's
// "recording on vs off" comparison. Only served when BENCH_ROUTES=true.

export async function GET(req: Request, { params }: { params: Promise<{ code: string }> }) {
  if (!getEnv().BENCH_ROUTES) return new Response("Not found", { status: 404 });
  return handleRedirect(req, (await params).code, { record: false });
}
