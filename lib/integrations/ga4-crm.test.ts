import { eq } from "drizzle-orm";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { analyticsEvents, crmOpportunities, customerAttributions } from "@/db/schema";
import { recordConversion } from "@/lib/attribution/record-conversion";
import type { Principal } from "@/lib/auth/permissions";
import { resetEnvForTests } from "@/lib/env";
import { startFakeServer, type RecordedRequest } from "@/lib/testing/fake-http";
import { makeTeam } from "@/lib/testing/factories";
import { localCrm, salesforceCrm } from "./crm";

const platform: Principal = { kind: "key", key: { keyId: "key_platform", kind: "platform", partnerId: null, scopes: ["platform:write"], name: "Platform" } };
const ENV_KEYS = ["GA4_MEASUREMENT_ID", "GA4_API_SECRET", "GA4_ENDPOINT", "SALESFORCE_INSTANCE_URL", "SALESFORCE_ACCESS_TOKEN", "SALESFORCE_CLIENT_ID", "SALESFORCE_CLIENT_SECRET"];
afterEach(() => {
  for (const k of ENV_KEYS) delete process.env[k];
  resetEnvForTests();
});
afterAll(() => resetEnvForTests());

/** GA4 Measurement Protocol: POST /mp/collect?measurement_id&api_secret, 204 on success. */
function fakeGa4(req: RecordedRequest) {
  const url = new URL(req.path, "http://x");
  if (req.method !== "POST" || url.pathname !== "/mp/collect") return { status: 404, body: {} };
  if (url.searchParams.get("api_secret") !== "ga4-test-secret") return { status: 403, body: {} };
  return { status: 204, body: "" };
}

/** Salesforce REST: client-credentials token, SOQL query, PATCH Opportunity (204). */
function fakeSalesforce(opportunities: Record<string, { website: string; fields: Record<string, unknown> }>) {
  return (req: RecordedRequest) => {
    const url = new URL(req.path, "http://x");
    if (req.method === "POST" && url.pathname === "/services/oauth2/token") {
      const form = new URLSearchParams(req.body);
      if (form.get("grant_type") !== "client_credentials" || form.get("client_secret") !== "sf-client-secret") return { status: 400, body: { error: "invalid_client", error_description: "bad client" } };
      return { status: 200, body: { access_token: "sf-token-from-credentials", token_type: "Bearer", instance_url: "x" } };
    }
    const auth = req.headers.authorization;
    if (auth !== "Bearer sf-static-token" && auth !== "Bearer sf-token-from-credentials") return { status: 401, body: [{ errorCode: "INVALID_SESSION_ID", message: "Session expired or invalid" }] };
    if (req.method === "GET" && url.pathname === "/services/data/v62.0/query") {
      const q = url.searchParams.get("q") ?? "";
      const hit = Object.entries(opportunities).find(([, o]) => q.includes(o.website));
      return { status: 200, body: { totalSize: hit ? 1 : 0, done: true, records: hit ? [{ attributes: { type: "Opportunity" }, Id: hit[0] }] : [] } };
    }
    const m = /^\/services\/data\/v62\.0\/sobjects\/Opportunity\/(\w+)$/.exec(url.pathname);
    if (req.method === "PATCH" && m) {
      const opp = opportunities[m[1]!];
      if (!opp) return { status: 404, body: [{ errorCode: "NOT_FOUND", message: "The requested resource does not exist" }] };
      Object.assign(opp.fields, req.json as object);
      return { status: 204, body: "" };
    }
    return { status: 404, body: [{ errorCode: "NOT_FOUND", message: "no route" }] };
  };
}

describe("GA4 Measurement Protocol", () => {
  it("without configuration, a match is an analytics_events row", async () => {
    const { partner } = await makeTeam();
    await recordConversion({ principal: platform, input: { type: "signup", customerId: "cus_ga4_off", partnerId: partner.id }, now: new Date() });
    const rows = await (await getDb()).select().from(analyticsEvents).where(eq(analyticsEvents.partnerId, partner.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: "partner_attribution_matched", destination: "table", status: "stored", params: { partner_id: partner.id, conversion_type: "signup", matched_via: "partner_id" } });
  });

  it("configured, it posts the event over HTTP to the endpoint and marks it sent", async () => {
    const server = await startFakeServer(fakeGa4);
    try {
      Object.assign(process.env, { GA4_MEASUREMENT_ID: "G-TEST123", GA4_API_SECRET: "ga4-test-secret", GA4_ENDPOINT: `${server.url}/mp/collect` });
      resetEnvForTests();
      const { partner } = await makeTeam();
      await recordConversion({ principal: platform, input: { type: "paid", customerId: "cus_ga4_on", partnerId: partner.id, amount: 19_900, currency: "USD" }, now: new Date() });
      expect(server.requests).toHaveLength(1);
      const req = server.requests[0]!;
      expect(new URL(req.path, "http://x").searchParams.get("measurement_id")).toBe("G-TEST123");
      expect(req.json).toMatchObject({ client_id: "cus_ga4_on", events: [{ name: "partner_attribution_matched", params: { partner_id: partner.id, conversion_type: "paid", value: 199, currency: "USD" } }] });
      const [row] = await (await getDb()).select().from(analyticsEvents).where(eq(analyticsEvents.partnerId, partner.id));
      expect(row).toMatchObject({ destination: "ga4", status: "sent" });
    } finally {
      await server.close();
    }
  });

  it("a failing GA4 endpoint is recorded, not thrown", async () => {
    const server = await startFakeServer(fakeGa4);
    try {
      Object.assign(process.env, { GA4_MEASUREMENT_ID: "G-TEST123", GA4_API_SECRET: "wrong-secret-x", GA4_ENDPOINT: `${server.url}/mp/collect` });
      resetEnvForTests();
      const { partner } = await makeTeam();
      const r = await recordConversion({ principal: platform, input: { type: "signup", customerId: "cus_ga4_fail", partnerId: partner.id }, now: new Date() });
      expect(r.status).toBe("matched");
      const [row] = await (await getDb()).select().from(analyticsEvents).where(eq(analyticsEvents.partnerId, partner.id));
      expect(row).toMatchObject({ status: "failed", error: "GA4 answered 403" });
    } finally {
      await server.close();
    }
  });
});

describe("CRM auto-attach", () => {
  it("by default, the app's own opportunity for the domain gets the partner", async () => {
    const { partner } = await makeTeam();
    const db = await getDb();
    const now = new Date();
    const [opp] = await db.insert(crmOpportunities).values({ company: "Attachco", domain: "attachco.example", createdAt: now, updatedAt: now }).returning();
    const r = await recordConversion({ principal: platform, input: { type: "signup", customerId: "cus_crm_local", customerDomain: "attachco.example", partnerId: partner.id }, now });
    const [after] = await db.select().from(crmOpportunities).where(eq(crmOpportunities.id, opp!.id));
    expect(after).toMatchObject({ partnerId: partner.id, customerId: "cus_crm_local" });
    const [attr] = await db.select().from(customerAttributions).where(eq(customerAttributions.id, r.attributionId!));
    expect(attr).toMatchObject({ crmSystem: "local", crmOpportunityId: opp!.id, crmError: null });
    // Without one, an opportunity is created.
    expect(await localCrm.attachPartner({ opportunityId: null, domain: "fresh.example", company: "Fresh", customerId: "cus_fresh", partnerId: partner.id, partnerName: partner.name, dealId: null, now })).toMatchObject({ system: "local", opportunityId: expect.stringMatching(/^opp_/) });
  });

  it("with Salesforce configured, the opportunity is PATCHed over REST (token from client credentials)", async () => {
    const opportunities = { "006A000001": { website: "sfco.example", fields: {} as Record<string, unknown> } };
    const server = await startFakeServer(fakeSalesforce(opportunities));
    try {
      Object.assign(process.env, { SALESFORCE_INSTANCE_URL: server.url, SALESFORCE_CLIENT_ID: "sf-client-id", SALESFORCE_CLIENT_SECRET: "sf-client-secret" });
      resetEnvForTests();
      const { partner } = await makeTeam();
      const r = await recordConversion({ principal: platform, input: { type: "signup", customerId: "cus_crm_sf", customerDomain: "sfco.example", partnerId: partner.id }, now: new Date() });
      expect(opportunities["006A000001"]!.fields).toEqual({ Partner_Id__c: partner.id, Partner_Name__c: partner.name, Partner_Deal_Id__c: null });
      expect(server.requests.map((q) => `${q.method} ${q.path.split("?")[0]}`)).toEqual([
        "POST /services/oauth2/token",
        "GET /services/data/v62.0/query",
        "PATCH /services/data/v62.0/sobjects/Opportunity/006A000001",
      ]);
      const [attr] = await (await getDb()).select().from(customerAttributions).where(eq(customerAttributions.id, r.attributionId!));
      expect(attr).toMatchObject({ crmSystem: "salesforce", crmOpportunityId: "006A000001" });
    } finally {
      await server.close();
    }
  });

  it("Salesforce errors come back as messages; an unknown opportunity is not a crash", async () => {
    const server = await startFakeServer(fakeSalesforce({}));
    try {
      const bad = salesforceCrm({ instanceUrl: server.url, apiVersion: "62.0", accessToken: "expired-token" });
      await expect(bad.attachPartner({ opportunityId: "006X", domain: null, company: null, customerId: "c", partnerId: "ptr_x", partnerName: "X", dealId: null, now: new Date() })).rejects.toThrow(/401: INVALID_SESSION_ID/);
      const good = salesforceCrm({ instanceUrl: server.url, apiVersion: "62.0", accessToken: "sf-static-token" });
      await expect(good.attachPartner({ opportunityId: "006Missing", domain: null, company: null, customerId: "c", partnerId: "ptr_x", partnerName: "X", dealId: null, now: new Date() })).rejects.toThrow(/404: NOT_FOUND/);
      expect(await good.attachPartner({ opportunityId: null, domain: "nobody.example", company: null, customerId: "c", partnerId: "ptr_x", partnerName: "X", dealId: null, now: new Date() })).toEqual({ system: "salesforce", opportunityId: null });
    } finally {
      await server.close();
    }
  });
});
