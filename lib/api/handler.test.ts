import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createPartnerApiKey, createPlatformApiKey } from "@/lib/api-keys/manage-keys";
import { AppError } from "@/lib/errors";
import { makeAdmin, makeTeam, T0 } from "@/lib/testing/factories";
import { MAX_BODY_BYTES, withApi } from "./handler";

const URL_BASE = "http://localhost:3000/api/v1/test";

function request(init: { method?: string; key?: string; body?: string; contentType?: string; headers?: Record<string, string>; url?: string }) {
  const headers: Record<string, string> = { ...init.headers };
  if (init.key) headers.authorization = `Bearer ${init.key}`;
  if (init.body !== undefined) headers["content-type"] = init.contentType ?? "application/json";
  return new NextRequest(init.url ?? URL_BASE, { method: init.method ?? "GET", headers, body: init.body });
}

const noParams = { params: Promise.resolve({}) };

async function partnerKey(scopes: string[] = ["partner:read", "listing:write"]) {
  const { partner, asOwner } = await makeTeam();
  const { secret } = await createPartnerApiKey({ principal: asOwner, partnerId: partner.id, input: { name: "t", scopes }, now: T0 });
  return { partner, secret };
}

describe("withApi: who is calling", () => {
  const route = withApi({ auth: "partner_key", scopes: ["listing:write"] }, async ({ principal }) => ({
    partnerId: principal?.kind === "key" ? principal.key.partnerId : null,
  }));

  it("401 without a key, with a malformed key and with an unknown key", async () => {
    for (const key of [undefined, "nonsense", "ppk_live_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"]) {
      const res = await route(request({ key }), noParams);
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe("unauthorized");
      expect(res.headers.get("x-request-id")).toBeTruthy();
    }
  });

  it("403 for a platform key on a partner endpoint, and for a key without the scope", async () => {
    const { secret: platform } = await createPlatformApiKey({
      principal: await makeAdmin(),
      input: { name: "p", scopes: ["platform:read"] },
      now: T0,
    });
    expect((await route(request({ key: platform }), noParams)).status).toBe(403);
    const { secret } = await partnerKey(["partner:read"]);
    const res = await route(request({ key: secret }), noParams);
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toContain("listing:write");
  });

  it("runs the handler for a key with the scope", async () => {
    const { partner, secret } = await partnerKey();
    const res = await route(request({ key: secret }), noParams);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ partnerId: partner.id });
  });
});

describe("withApi: request validation", () => {
  const route = withApi(
    { auth: "partner_key", body: z.object({ name: z.string().min(2, "Too short"), count: z.number().int() }).strict(), query: z.object({ dry: z.enum(["yes", "no"]).optional() }) },
    async ({ body, query }) => ({ body, query }),
  );

  it("400 for a body that is not JSON, has the wrong content type, or is too large", async () => {
    const { secret } = await partnerKey();
    const cases = [
      request({ method: "POST", key: secret, body: "{nope" }),
      request({ method: "POST", key: secret, body: '{"name":"ab","count":1}', contentType: "text/plain" }),
      request({ method: "POST", key: secret, body: JSON.stringify({ name: "x".repeat(MAX_BODY_BYTES), count: 1 }) }),
    ];
    for (const req of cases) {
      const res = await route(req, noParams);
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe("bad_request");
    }
  });

  it("400 with a message per field, unknown fields included", async () => {
    const { secret } = await partnerKey();
    const res = await route(request({ method: "POST", key: secret, body: JSON.stringify({ name: "a", count: 1.5, extra: true }) }), noParams);
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe("validation_failed");
    expect(error.fields).toMatchObject({ name: ["Too short"], count: [expect.any(String)], extra: ["Unknown field"] });
  });

  it("400 for bad query parameters", async () => {
    const { secret } = await partnerKey();
    const res = await route(request({ method: "POST", key: secret, body: '{"name":"ab","count":1}', url: `${URL_BASE}?dry=maybe` }), noParams);
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields).toHaveProperty("dry");
  });
});

describe("withApi: Idempotency-Key", () => {
  it("replays the first response for the same key and body, and refuses another body with 409", async () => {
    const { secret } = await partnerKey();
    let runs = 0;
    const route = withApi({ auth: "partner_key", body: z.object({ amount: z.number() }) }, async ({ body }) => {
      runs += 1;
      return new Response(JSON.stringify({ run: runs, amount: body.amount }), { status: 201, headers: { "content-type": "application/json" } });
    });
    const post = (body: string) => route(request({ method: "POST", key: secret, body, headers: { "idempotency-key": "order-42" } }), noParams);

    const first = await post('{"amount": 100}');
    expect(first.status).toBe(201);
    const again = await post('{"amount": 100}');
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.json()).toEqual({ run: 1, amount: 100 });
    expect(runs).toBe(1);

    const other = await post('{"amount": 999}');
    expect(other.status).toBe(409);
    expect(runs).toBe(1);
  });

  it("stores client errors but lets a retry run again after a server error", async () => {
    const { secret } = await partnerKey();
    let runs = 0;
    const route = withApi({ auth: "partner_key", body: z.object({ mode: z.enum(["conflict", "crash"]) }) }, async ({ body }) => {
      runs += 1;
      if (body.mode === "conflict") throw new AppError({ code: "conflict", message: "already there" });
      if (runs === 2) throw new Error("database went away");
      return { ok: true };
    });
    const post = (key: string, body: string) => route(request({ method: "POST", key: secret, body, headers: { "idempotency-key": key } }), noParams);

    expect((await post("a", '{"mode":"conflict"}')).status).toBe(409);
    expect((await post("a", '{"mode":"conflict"}')).status).toBe(409);
    expect(runs).toBe(1);

    expect((await post("b", '{"mode":"crash"}')).status).toBe(500);
    expect((await post("b", '{"mode":"crash"}')).status).toBe(200);
    expect(runs).toBe(3);
  });

  it("refuses a malformed key", async () => {
    const { secret } = await partnerKey();
    const route = withApi({ auth: "partner_key", body: z.object({}) }, async () => ({ ok: true }));
    const res = await route(request({ method: "POST", key: secret, body: "{}", headers: { "idempotency-key": "x".repeat(300) } }), noParams);
    expect(res.status).toBe(400);
  });
});

describe("withApi: rate limits", () => {
  it("answers 429 with Retry-After once a key is over its limit", async () => {
    const { secret } = await partnerKey();
    const route = withApi({ auth: "partner_key", rateLimit: { limit: 2, windowMs: 60_000 } }, async () => ({ ok: true }));
    const statuses = [];
    let last: Response | null = null;
    for (let i = 0; i < 3; i++) {
      last = await route(request({ key: secret }), noParams);
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 429]);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await last!.json()).error.code).toBe("rate_limited");
  });

  it("limits anonymous callers per IP", async () => {
    const route = withApi({ auth: "public", rateLimit: { limit: 1, windowMs: 60_000 } }, async () => ({ ok: true }));
    const ip = (a: string) => request({ headers: { "x-forwarded-for": a } });
    expect((await route(ip("203.0.113.7"), noParams)).status).toBe(200);
    expect((await route(ip("203.0.113.7"), noParams)).status).toBe(429);
    expect((await route(ip("203.0.113.8"), noParams)).status).toBe(200);
  });
});

describe("withApi: cross-site requests", () => {
  const route = withApi({ auth: "public", body: z.object({ note: z.string() }) }, async () => ({ ok: true }));
  const post = (headers: Record<string, string>) =>
    route(request({ method: "POST", body: '{"note":"x"}', headers, url: "http://localhost:3000/api/v1/test" }), noParams);

  it("refuses a foreign Origin and Origin: null", async () => {
    expect((await post({ origin: "https://evil.example" })).status).toBe(403);
    expect((await post({ origin: "null" })).status).toBe(403);
  });

  it("refuses a cookie-carrying request without a same-site Origin or Referer", async () => {
    expect((await post({ cookie: "authjs.session-token=x" })).status).toBe(403);
    expect((await post({ cookie: "authjs.session-token=x", referer: "http://localhost:3000/console" })).status).toBe(200);
  });

  it("lets our own pages and cookie-less machines through", async () => {
    expect((await post({ origin: "http://localhost:3000", cookie: "a=b" })).status).toBe(200);
    expect((await post({})).status).toBe(200);
  });

  it("exempts API-key requests", async () => {
    const { secret } = await partnerKey();
    const keyed = withApi({ auth: "partner_key", body: z.object({}) }, async () => ({ ok: true }));
    const res = await keyed(request({ method: "POST", key: secret, body: "{}", headers: { origin: "https://evil.example" } }), noParams);
    expect(res.status).toBe(200);
  });
});

describe("withApi: observability", () => {
  it("counts requests per route template and opens public reads to other origins", async () => {
    const { metrics } = await import("@/lib/metrics/registry");
    const route = withApi<{ id: string }>({ auth: "public" }, async ({ params }) => ({ id: params.id }));
    const res = await route(request({ url: "http://localhost:3000/api/v1/things/thing-42" }), { params: Promise.resolve({ id: "thing-42" }) });
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const text = await metrics().registry.metrics();
    expect(text).toMatch(/pp_http_requests_total\{route="\/api\/v1\/things\/:id",method="GET",status="200"\} 1/);
    expect(text).toContain("pp_http_request_duration_seconds_bucket");
  });
});
