import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import * as mdfRoute from "@/app/api/v1/mdf/requests/route";
import { createPartnerApiKey } from "@/lib/api-keys/manage-keys";
import { makeTeam, T0 } from "@/lib/testing/factories";

const BASE = "http://localhost:3000";
const none = { params: Promise.resolve({}) };
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

function req(path: string, init: { method?: string; key?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...init.headers };
  if (init.key) headers.authorization = `Bearer ${init.key}`;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  return new NextRequest(`${BASE}${path}`, { method: init.method ?? "GET", headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
}

async function keyFor(tier: "verified" | "advanced", scopes: string[]) {
  const team = await makeTeam({ tier });
  const { secret } = await createPartnerApiKey({ principal: team.asOwner, partnerId: team.partner.id, input: { name: "mdf", scopes }, now: T0 });
  return { team, key: secret };
}

describe("/api/v1/mdf/requests", () => {
  it("creates a request within budget (201), refuses over budget (409), bad input (400), ineligible tiers and missing scopes (403), and lists with the budget", async () => {
    const { key } = await keyFor("advanced", ["mdf:read", "mdf:write"]);
    const body = { activityType: "webinar", title: "API webinar", startsOn: day(10), endsOn: day(10), amount: 700_000, expectedLeads: 30 };
    const created = await mdfRoute.POST(req("/api/v1/mdf/requests", { method: "POST", key, body }), none);
    expect(created.status).toBe(201);
    const json = await created.json();
    expect(json.data).toMatchObject({ status: "pending", requested: { amount: 700_000, currency: "USD" }, approved: null });
    expect(json.budget).toMatchObject({ budget: 1_000_000, pending: 700_000, remaining: 300_000, currency: "USD" });

    const over = await mdfRoute.POST(req("/api/v1/mdf/requests", { method: "POST", key, body: { ...body, amount: 300_001 } }), none);
    expect(over.status).toBe(409);
    expect((await over.json()).error.fields.amount[0]).toContain("$3,000.00");

    const bad = await mdfRoute.POST(req("/api/v1/mdf/requests", { method: "POST", key, body: { activityType: "party", startsOn: "tomorrow", amount: 12.5, currency: "EUR" } }), none);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields).toMatchObject({ activityType: [expect.any(String)], title: [expect.any(String)], startsOn: [expect.any(String)], amount: [expect.any(String)], currency: [expect.any(String)] });

    const list = await mdfRoute.GET(req("/api/v1/mdf/requests?limit=10", { key }), none);
    expect(list.status).toBe(200);
    const page = await list.json();
    expect(page.data).toHaveLength(1);
    expect(page.budget.remaining).toBe(300_000);

    const verified = await keyFor("verified", ["mdf:read", "mdf:write"]);
    expect((await mdfRoute.POST(req("/api/v1/mdf/requests", { method: "POST", key: verified.key, body }), none)).status).toBe(403);
    const readOnly = await keyFor("advanced", ["mdf:read"]);
    expect((await mdfRoute.POST(req("/api/v1/mdf/requests", { method: "POST", key: readOnly.key, body }), none)).status).toBe(403);
    expect((await mdfRoute.GET(req("/api/v1/mdf/requests"), none)).status).toBe(401);
  });
});
