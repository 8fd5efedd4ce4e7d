import { timingSafeEqual } from "node:crypto";
import { getEnv } from "@/lib/env";
import { registerQueueProbes } from "@/lib/metrics/queues";
import { metrics } from "@/lib/metrics/registry";

/** GET /api/metrics — Prometheus text format, for a scraper holding METRICS_TOKEN. */
export async function GET(req: Request) {
  const env = getEnv();
  const token = env.METRICS_TOKEN;
  if (!token) {
    if (env.NODE_ENV === "production") return new Response("Metrics are disabled: set METRICS_TOKEN\n", { status: 404 });
  } else {
    const given = Buffer.from(/^Bearer\s+(.+)$/i.exec(req.headers.get("authorization") ?? "")?.[1] ?? "");
    const want = Buffer.from(token);
    if (given.length !== want.length || !timingSafeEqual(given, want)) {
      return new Response("Unauthorized\n", { status: 401, headers: { "www-authenticate": "Bearer" } });
    }
  }
  registerQueueProbes();
  const registry = metrics().registry;
  return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType, "cache-control": "no-store" } });
}
