import { afterEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { countCacheLookup, countPayout, registerQueueProbe } from "@/lib/metrics/registry";
import { GET } from "./route";

const TOKEN = "scrape-token-0123456789";

afterEach(() => {
  delete process.env.METRICS_TOKEN;
  resetEnvForTests();
});

describe("GET /api/metrics", () => {
  it("serves Prometheus text to a scraper with the token, including queue depth from probes", async () => {
    process.env.METRICS_TOKEN = TOKEN;
    resetEnvForTests();
    registerQueueProbe("test_queue", async () => 7);
    const res = await GET(new Request("http://localhost/api/metrics", { headers: { authorization: `Bearer ${TOKEN}` } }));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    expect(text).toContain('pp_job_queue_depth{queue="test_queue"} 7');
    expect(text).toContain("# TYPE pp_http_requests_total counter");
    expect(text).toContain("pp_process_cpu_seconds_total");
  });

  it("counts the queues the workers drain, and cache lookups", async () => {
    process.env.METRICS_TOKEN = TOKEN;
    resetEnvForTests();
    countCacheLookup("links", true);
    countCacheLookup("links", false);
    countPayout("paid");
    const res = await GET(new Request("http://localhost/api/metrics", { headers: { authorization: `Bearer ${TOKEN}` } }));
    const text = await res.text();
    for (const queue of ["webhook_deliveries_due", "webhook_deliveries_scheduled", "emails_pending", "survival_probes_due", "link_clicks_buffered"]) {
      expect(text).toMatch(new RegExp(`pp_job_queue_depth\\{queue="${queue}"\\} \\d+`));
    }
    expect(text).toContain('pp_cache_requests_total{cache="links",result="hit"} 1');
    expect(text).toContain('pp_cache_requests_total{cache="links",result="miss"} 1');
    expect(text).toContain('pp_payouts_total{status="paid"} 1');
    expect(text).toContain("# TYPE pp_webhook_deliveries_total counter");
  });

  it("refuses a wrong or missing token", async () => {
    process.env.METRICS_TOKEN = TOKEN;
    resetEnvForTests();
    expect((await GET(new Request("http://localhost/api/metrics"))).status).toBe(401);
    expect((await GET(new Request("http://localhost/api/metrics", { headers: { authorization: "Bearer nope" } }))).status).toBe(401);
  });
});
