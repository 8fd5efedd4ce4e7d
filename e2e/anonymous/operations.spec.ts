import { expect, test } from "@playwright/test";

// What a load balancer, an uptime monitor and a browser see of the production build.

test("liveness and readiness answer for probes and uptime checks", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  const ready = await request.get("/api/ready");
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toMatchObject({ ok: true });
});

test("metrics and cron routes are closed to the public in production", async ({ request }) => {
  // No METRICS_TOKEN configured on this server: metrics are switched off, not open.
  expect((await request.get("/api/metrics")).status()).toBe(404);
  // No CRON_SECRET configured: production refuses every cron call.
  for (const job of ["webhooks", "deals", "nps-surveys"]) {
    expect((await request.post(`/api/cron/${job}`)).status()).toBe(401);
  }
});

test("pages carry a nonce CSP and the security headers; public reads allow any origin", async ({ request }) => {
  const page = await request.get("/");
  expect(page.status()).toBe(200);
  const csp = page.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src[^;]*'nonce-[A-Za-z0-9+/=]+'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(page.headers()["x-content-type-options"]).toBe("nosniff");
  const api = await request.get("/api/v1/partners?pageSize=1", { headers: { origin: "https://elsewhere.example" } });
  expect(api.headers()["access-control-allow-origin"]).toBe("*");
});

test("a state-changing call from a foreign origin is refused", async ({ request }) => {
  const res = await request.post("/api/console/evidence-packs", {
    headers: { origin: "https://evil.example", cookie: "authjs.session-token=x" },
    multipart: { partnerId: "ptr_x" },
  });
  expect(res.status()).toBe(403);
});
