import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

// Prometheus metrics for the whole process, served at /api/metrics. One
// registry per process (kept on globalThis so dev reloads do not duplicate it).

interface Metrics {
  registry: Registry;
  httpRequests: Counter<"route" | "method" | "status">;
  httpDuration: Histogram<"route" | "method">;
  cache: Counter<"cache" | "result">;
  queueDepth: Gauge<"queue">;
  webhookDeliveries: Counter<"outcome">;
  payouts: Counter<"status">;
}

const g = globalThis as typeof globalThis & { __ppMetrics?: Metrics; __ppQueueProbes?: Map<string, () => Promise<number>> };

/** Areas register how to count their queues; counted at scrape time. */
export function registerQueueProbe(queue: string, probe: () => Promise<number>): void {
  (g.__ppQueueProbes ??= new Map()).set(queue, probe);
}

export function metrics(): Metrics {
  if (g.__ppMetrics) return g.__ppMetrics;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "pp_" });
  const m: Metrics = {
    registry,
    httpRequests: new Counter({
      name: "pp_http_requests_total",
      help: "API requests by route, method and status",
      labelNames: ["route", "method", "status"],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: "pp_http_request_duration_seconds",
      help: "API request latency by route and method",
      labelNames: ["route", "method"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    cache: new Counter({ name: "pp_cache_requests_total", help: "Cache lookups by cache and result (hit, stale: served while refreshed, miss)", labelNames: ["cache", "result"], registers: [registry] }),
    queueDepth: new Gauge({
      name: "pp_job_queue_depth",
      help: "Jobs waiting, by queue",
      labelNames: ["queue"],
      registers: [registry],
      async collect() {
        for (const [queue, probe] of g.__ppQueueProbes ?? []) {
          try {
            this.set({ queue }, await probe());
          } catch {
            // A failing probe leaves the last value; the scrape still succeeds.
          }
        }
      },
    }),
    webhookDeliveries: new Counter({ name: "pp_webhook_deliveries_total", help: "Webhook delivery attempts by outcome", labelNames: ["outcome"], registers: [registry] }),
    payouts: new Counter({ name: "pp_payouts_total", help: "Payouts by resulting status", labelNames: ["status"], registers: [registry] }),
  };
  return (g.__ppMetrics = m);
}

/** /api/v1/partners/ptr_abc123 -> /api/v1/partners/:id (bounded label values). */
export function routeLabel(pathname: string): string {
  return pathname
    .split("/")
    .map((seg) => (/^[a-z]{2,4}_[0-9a-zA-Z]{6,}$/.test(seg) || /^\d+$/.test(seg) || /^[0-9a-f-]{16,}$/i.test(seg) ? ":id" : seg))
    .join("/");
}

/** One cache lookup: `cache` names the cache (links, directory, profiles...). */
export function countCacheLookup(cache: string, hit: boolean): void {
  metrics().cache.inc({ cache, result: hit ? "hit" : "miss" });
}

/**
 * Payouts by the status they reached (created, paid, failed...). For the payouts
 * area to call when a payout changes status, after its transaction commits.
 */
export function countPayout(status: string, n = 1): void {
  metrics().payouts.inc({ status }, n);
}
