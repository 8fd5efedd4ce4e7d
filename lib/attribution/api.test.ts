import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import * as commissionsRoute from "@/app/api/v1/commissions/route";
import * as conversionsRoute from "@/app/api/v1/conversions/route";
import * as dealRoute from "@/app/api/v1/deals/[id]/route";
import * as dealsRoute from "@/app/api/v1/deals/route";
import * as linksRoute from "@/app/api/v1/links/route";
import { createPartnerApiKey, createPlatformApiKey } from "@/lib/api-keys/manage-keys";
import { makeAdmin, makeTeam, T0 } from "@/lib/testing/factories";

const BASE = "http://localhost:3000";
const none = { params: Promise.resolve({}) };

function req(path: string, init: { method?: string; key?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...init.headers };
  if (init.key) headers.authorization = `Bearer ${init.key}`;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  return new NextRequest(`${BASE}${path}`, { method: init.method ?? "GET", headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
}

async function keys() {
  const team = await makeTeam({ tier: "advanced" });
  const { secret: partnerKey } = await createPartnerApiKey({
    principal: team.asOwner,
    partnerId: team.partner.id,
    input: { name: "crm", scopes: ["links:read", "links:write", "deals:read", "deals:write", "commissions:read"] },
    now: T0,
  });
  const { secret: readOnly } = await createPartnerApiKey({ principal: team.asOwner, partnerId: team.partner.id, input: { name: "ro", scopes: ["partner:read"] }, now: T0 });
  const { secret: platformKey } = await createPlatformApiKey({ principal: await makeAdmin(), input: { name: "platform", scopes: ["platform:write"] }, now: T0 });
  return { team, partnerKey, readOnly, platformKey };
}

describe("POST /api/v1/conversions", () => {
  it("401 without a key, 403 with a partner key, 400 with field messages, 201 then a replay for the same Idempotency-Key", async () => {
    const { team, partnerKey, platformKey } = await keys();
    expect((await conversionsRoute.POST(req("/api/v1/conversions", { method: "POST", body: { type: "signup", customerId: "c" } }), none)).status).toBe(401);
    expect((await conversionsRoute.POST(req("/api/v1/conversions", { method: "POST", key: partnerKey, body: { type: "signup", customerId: "c" } }), none)).status).toBe(403);

    const bad = await conversionsRoute.POST(req("/api/v1/conversions", { method: "POST", key: platformKey, body: { type: "refund", amount: 1.5, currency: "dollars", extra: 1 } }), none);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields).toMatchObject({ type: [expect.any(String)], customerId: [expect.any(String)], amount: [expect.any(String)], currency: [expect.any(String)], extra: ["Unknown field"] });

    const body = { type: "paid", customerId: "cus_api_1", partnerId: team.partner.id, amount: 49_900, currency: "usd" };
    const headers = { "idempotency-key": "evt-cus_api_1-paid" };
    const first = await conversionsRoute.POST(req("/api/v1/conversions", { method: "POST", key: platformKey, body, headers }), none);
    expect(first.status).toBe(201);
    const created = (await first.json()).data;
    expect(created).toMatchObject({ type: "paid", status: "matched", partnerId: team.partner.id, matchedVia: "partner_id", duplicate: false });
    const again = await conversionsRoute.POST(req("/api/v1/conversions", { method: "POST", key: platformKey, body, headers }), none);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect((await again.json()).data.id).toBe(created.id);
    const conflict = await conversionsRoute.POST(req("/api/v1/conversions", { method: "POST", key: platformKey, body: { ...body, amount: 1 }, headers }), none);
    expect(conflict.status).toBe(409);

    // The partner reads its commissions: Advanced, 25% of 49_900 = 12_475, and the Pro bounty.
    const list = await commissionsRoute.GET(req("/api/v1/commissions?limit=10", { key: partnerKey }), none);
    const rows = (await list.json()).data as { kind: string; amount: { amount: number; currency: string }; status: string }[];
    expect(rows.map((r) => [r.kind, r.amount.amount, r.amount.currency, r.status]).sort()).toEqual([
      ["bounty", 10_000, "USD", "pending"],
      ["subscription", 12_475, "USD", "pending"],
    ]);
  });
});

describe("partner API: links, deals", () => {
  it("creates and lists links; refuses other sites; paginates with a cursor", async () => {
    const { partnerKey, readOnly } = await keys();
    const refused = await linksRoute.POST(req("/api/v1/links", { method: "POST", key: partnerKey, body: { destination: "https://evil.example/" } }), none);
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.fields.destination[0]).toContain("program's own sites");
    for (const code of ["api-one", "api-two", "api-three"]) {
      const res = await linksRoute.POST(req("/api/v1/links", { method: "POST", key: partnerKey, body: { destination: "https://provenant.dev/pricing", code: `${code}-${Date.now().toString(36)}` } }), none);
      expect(res.status).toBe(201);
    }
    const page1 = await (await linksRoute.GET(req("/api/v1/links?limit=2", { key: partnerKey }), none)).json();
    expect(page1.data).toHaveLength(2);
    expect(page1.data[0]).toMatchObject({ url: expect.stringMatching(/^http:\/\/localhost:3000\/r\//), clicks: 0 });
    const page2 = await (await linksRoute.GET(req(`/api/v1/links?limit=2&cursor=${page1.nextCursor}`, { key: partnerKey }), none)).json();
    expect(page2.data).toHaveLength(1);
    expect(page2.nextCursor).toBeNull();
    expect((await linksRoute.GET(req("/api/v1/links", { key: readOnly }), none)).status).toBe(403);
  });

  it("registers a deal and reads it back; another partner's deal is a 404", async () => {
    const { partnerKey } = await keys();
    const other = await keys();
    const res = await dealsRoute.POST(
      req("/api/v1/deals", { method: "POST", key: partnerKey, body: { company: "Api Buyer", domain: "https://www.api-buyer.example/about", contactName: "Ana Buyer", contactEmail: "ana@api-buyer.example", estimatedValue: 600_000, products: ["provenance-pro"], expectedCloseAt: "2026-06-30" } }),
      none,
    );
    expect(res.status).toBe(201);
    const deal = (await res.json()).data;
    expect(deal).toMatchObject({ domain: "api-buyer.example", stage: "registered", inConflict: false, estimatedValue: { amount: 600_000, currency: "USD" } });
    const one = await dealRoute.GET(req(`/api/v1/deals/${deal.id}`, { key: partnerKey }), { params: Promise.resolve({ id: deal.id }) });
    expect((await one.json()).data.id).toBe(deal.id);
    expect((await dealRoute.GET(req(`/api/v1/deals/${deal.id}`, { key: other.partnerKey }), { params: Promise.resolve({ id: deal.id }) })).status).toBe(404);
    const list = await (await dealsRoute.GET(req("/api/v1/deals?stage=registered", { key: partnerKey }), none)).json();
    expect(list.data.map((d: { id: string }) => d.id)).toEqual([deal.id]);
  });
});
