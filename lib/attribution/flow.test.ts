import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, commissions, conversions, customerAttributions, events, linkClicks, trackingLinks } from "@/db/schema";
import type { Principal } from "@/lib/auth/permissions";
import { registerDeal } from "@/lib/deals/register-deal";
import { makeTeam, T0 } from "@/lib/testing/factories";
import { createLink } from "./manage-links";
import { processMatchedConversions, runAttribution } from "./process-matches";
import { recordConversion } from "./record-conversion";
import { insertClicks, matchConversions } from "./store";

const platform: Principal = { kind: "key", key: { keyId: "key_platform", kind: "platform", partnerId: null, scopes: ["platform:write"], name: "Platform" } };
const DAY = 86_400_000;
const at = (days: number) => new Date(T0.getTime() + days * DAY);

let n = 0;
async function clickOn(linkId: string, partnerId: string, clickedAt: Date, over: Partial<{ ipHash: string; isBot: boolean }> = {}) {
  const id = `clk_test${++n}${Date.now().toString(36)}`;
  await insertClicks(await getDb(), [
    { id, linkId, partnerId, clickedAt, ipHash: over.ipHash ?? `ip-${n}`, userAgent: "Mozilla/5.0", referrer: null, isBot: over.isBot ?? false },
  ]);
  return id;
}

describe("clicks: raw clicks kept, counted once per hashed IP, link and hour", () => {
  it("counts the first human click per hour and keeps the rest", async () => {
    const { partner, asOwner } = await makeTeam();
    const link = await createLink({ principal: asOwner, partnerId: partner.id, input: { destination: "https://provenant.dev/pricing" }, now: T0 });
    const db = await getDb();
    const base = new Date("2026-03-02T10:05:00Z");
    const click = (id: string, min: number, ip: string, isBot = false) => ({
      id,
      linkId: link.id,
      partnerId: partner.id,
      clickedAt: new Date(base.getTime() + min * 60_000),
      ipHash: ip,
      userAgent: "ua",
      referrer: null,
      isBot,
    });
    // Same IP: bot first (not counted), then two human clicks in the hour (one counted), then the next hour (counted).
    await insertClicks(db, [click("clk_a1", 0, "ip-a", true), click("clk_a2", 1, "ip-a"), click("clk_a3", 20, "ip-a")]);
    await insertClicks(db, [click("clk_a4", 30, "ip-a"), click("clk_a5", 60, "ip-a"), click("clk_b1", 2, "ip-b")]);
    // A redelivered batch changes nothing.
    await insertClicks(db, [click("clk_a2", 1, "ip-a")]);
    const rows = await db.select().from(linkClicks).where(eq(linkClicks.linkId, link.id));
    expect(rows).toHaveLength(6);
    expect(rows.filter((r) => r.counted).map((r) => r.id).sort()).toEqual(["clk_a2", "clk_a5", "clk_b1"]);
  });
});

describe("conversions: one rule for which partner wins", () => {
  let teams: Awaited<ReturnType<typeof makeTeam>>[];
  let links: { id: string }[];
  beforeEach(async () => {
    teams = [await makeTeam({ tier: "premier" }), await makeTeam({ tier: "verified" })];
    links = [];
    for (const t of teams) links.push(await createLink({ principal: t.asOwner, partnerId: t.partner.id, input: { destination: "https://provenant.dev/" }, now: T0 }));
  });

  it("matches a signup by click id, then the paid event follows the customer and earns a commission", async () => {
    const [a] = teams;
    const clickId = await clickOn(links[0]!.id, a!.partner.id, at(0));
    const signup = await recordConversion({ principal: platform, input: { type: "signup", customerId: `cus_${n}a`, clickId, customerDomain: "acme-one.example", occurredAt: at(1).toISOString() }, now: at(1) });
    expect(signup).toMatchObject({ status: "matched", partnerId: a!.partner.id, matchedVia: "click" });
    const paid = await recordConversion({ principal: platform, input: { type: "paid", customerId: `cus_${n}a`, amount: 49_900, currency: "USD", occurredAt: at(5).toISOString() }, now: at(5) });
    expect(paid).toMatchObject({ status: "matched", partnerId: a!.partner.id, matchedVia: "customer", attributionId: signup.attributionId });
    const db = await getDb();
    const rows = await db.select().from(commissions).where(eq(commissions.customerId, `cus_${n}a`));
    // Premier: 30% of 49_900 = 14_970, plus the provenance-pro bounty of 10_000.
    expect(rows.map((r) => [r.kind, r.amountCents, r.status]).sort()).toEqual([
      ["bounty", 10_000, "pending"],
      ["subscription", 14_970, "pending"],
    ]);
    expect(rows[0]!.holdUntil.toISOString()).toBe(at(35).toISOString());
    const [attr] = await db.select().from(customerAttributions).where(eq(customerAttributions.id, signup.attributionId!));
    expect(attr).toMatchObject({ via: "click", signupAt: at(1), paidAt: at(5), crmSystem: "local" });
    const audits = await db.select().from(auditEvents).where(eq(auditEvents.partnerId, a!.partner.id));
    expect(audits.map((e) => e.action)).toEqual(expect.arrayContaining(["attribution.matched", "commission.created"]));
    // The webhook events, in the same transactions.
    const emitted = await db.select().from(events).where(eq(events.partnerId, a!.partner.id));
    expect(emitted.filter((e) => e.type === "partner.attribution_matched").map((e) => e.payload)).toEqual([
      expect.objectContaining({ attributionId: signup.attributionId, stage: "signup", matchedVia: "click", clickedAt: at(0).toISOString() }),
      expect.objectContaining({ attributionId: signup.attributionId, stage: "paid", matchedVia: "customer" }),
    ]);
    expect(emitted.filter((e) => e.type === "partner.commission.created").map((e) => (e.payload as { amount: { amount: number } }).amount.amount).sort()).toEqual([10_000, 14_970]);
  });

  it("a click older than the 60-day window does not match; the event is stored unmatched", async () => {
    const [a] = teams;
    const clickId = await clickOn(links[0]!.id, a!.partner.id, at(0));
    const late = await recordConversion({ principal: platform, input: { type: "signup", customerId: `cus_${n}late`, clickId, occurredAt: at(60.01).toISOString() }, now: at(61) });
    expect(late).toMatchObject({ status: "unmatched", partnerId: null });
    const onTime = await recordConversion({ principal: platform, input: { type: "signup", customerId: `cus_${n}ok`, clickId, occurredAt: at(60).toISOString() }, now: at(61) });
    expect(onTime).toMatchObject({ status: "matched", matchedVia: "click" });
  });

  it("bot clicks never match", async () => {
    const [a] = teams;
    const clickId = await clickOn(links[0]!.id, a!.partner.id, at(0), { isBot: true });
    const r = await recordConversion({ principal: platform, input: { type: "signup", customerId: `cus_${n}bot`, clickId, occurredAt: at(1).toISOString() }, now: at(1) });
    expect(r.status).toBe("unmatched");
  });

  it("an open deal registration beats a click; a click beats a partner id", async () => {
    const [a, b] = teams;
    await registerDeal({
      principal: b!.asOwner,
      partnerId: b!.partner.id,
      input: { company: "Dealco", domain: "dealco.example", contactName: "Dee Buyer", contactEmail: "dee@dealco.example", estimatedValue: 1_000_000, products: ["provenance-pro"], expectedCloseAt: "2026-06-01" },
      now: at(0),
    });
    const clickId = await clickOn(links[0]!.id, a!.partner.id, at(1));
    const r1 = await recordConversion({ principal: platform, input: { type: "signup", customerId: `cus_${n}deal`, customerEmail: "it@dealco.example", clickId, occurredAt: at(2).toISOString() }, now: at(2) });
    expect(r1).toMatchObject({ partnerId: b!.partner.id, matchedVia: "deal" });
    const r2 = await recordConversion({ principal: platform, input: { type: "signup", customerId: `cus_${n}click`, clickId, partnerId: b!.partner.id, occurredAt: at(2).toISOString() }, now: at(2) });
    expect(r2).toMatchObject({ partnerId: a!.partner.id, matchedVia: "click" });
    const r3 = await recordConversion({ principal: platform, input: { type: "signup", customerId: `cus_${n}pid`, partnerId: b!.partner.id, occurredAt: at(2).toISOString() }, now: at(2) });
    expect(r3).toMatchObject({ partnerId: b!.partner.id, matchedVia: "partner_id" });
  });

  it("a duplicate event id is recorded once", async () => {
    const input = { type: "signup" as const, customerId: `cus_${n}dup`, eventId: `evt-dup-${n}`, partnerId: teams[0]!.partner.id };
    const first = await recordConversion({ principal: platform, input, now: at(1) });
    const again = await recordConversion({ principal: platform, input, now: at(1) });
    expect(again).toMatchObject({ id: first.id, duplicate: true });
    const db = await getDb();
    expect(await db.select().from(conversions).where(eq(conversions.customerId, `cus_${n}dup`))).toHaveLength(1);
  });

  it("refuses partner keys and keys without platform:write", async () => {
    const partnerKey: Principal = { kind: "key", key: { keyId: "k", kind: "partner", partnerId: teams[0]!.partner.id, scopes: ["partner:read"], name: "p" } };
    await expect(recordConversion({ principal: partnerKey, input: { type: "signup", customerId: "x" }, now: T0 })).rejects.toMatchObject({ code: "forbidden" });
    await expect(recordConversion({ principal: null, input: { type: "signup", customerId: "x" }, now: T0 })).rejects.toMatchObject({ code: "unauthorized" });
  });
});

describe("the set-based matcher", () => {
  it("matches a batch: first conversion per customer sets the attribution, later ones follow it", async () => {
    const a = await makeTeam();
    const b = await makeTeam();
    const linkA = await createLink({ principal: a.asOwner, partnerId: a.partner.id, input: { destination: "https://provenant.dev/" }, now: T0 });
    const clickA = await clickOn(linkA.id, a.partner.id, at(0));
    const db = await getDb();
    const cust = `cus_batch_${Date.now()}`;
    await db.insert(conversions).values([
      { type: "signup", source: "api", externalId: `${cust}-1`, customerId: cust, occurredAt: at(1), receivedAt: at(1), clickIdHint: clickA },
      // Later event for the same customer names another partner: it still follows the customer.
      { type: "pilot", source: "api", externalId: `${cust}-2`, customerId: cust, occurredAt: at(3), receivedAt: at(3), partnerIdHint: b.partner.id },
      { type: "signup", source: "api", externalId: `${cust}-3`, customerId: `${cust}-nobody`, occurredAt: at(3), receivedAt: at(3) },
    ]);
    const matched = await db.transaction((tx) => matchConversions(tx, { now: at(4) }));
    expect(matched).toBe(2);
    const rows = await db.select().from(conversions).where(eq(conversions.customerId, cust));
    expect(rows.map((r) => [r.type, r.partnerId, r.matchedVia]).sort()).toEqual([
      ["pilot", a.partner.id, "customer"],
      ["signup", a.partner.id, "click"],
    ]);
    const processed = await db.transaction((tx) => processMatchedConversions(tx, { now: at(4) }));
    expect(processed.processed.length).toBeGreaterThanOrEqual(2);
    const [attr] = await db.select().from(customerAttributions).where(eq(customerAttributions.customerId, cust));
    expect(attr).toMatchObject({ partnerId: a.partner.id, signupAt: at(1), pilotAt: at(3) });
    // Nothing left to do on a second run.
    expect((await runAttribution(at(5))).matched).toBe(0);
  });

  it("links and clicks belong to their partner", async () => {
    const a = await makeTeam();
    const b = await makeTeam();
    await expect(createLink({ principal: b.asOwner, partnerId: a.partner.id, input: { destination: "https://provenant.dev/" }, now: T0 })).rejects.toMatchObject({ code: "forbidden" });
    await expect(createLink({ principal: a.asOwner, partnerId: a.partner.id, input: { destination: "https://evil.example/" }, now: T0 })).rejects.toMatchObject({ code: "validation_failed" });
    const db = await getDb();
    expect(await db.select().from(trackingLinks).where(eq(trackingLinks.partnerId, a.partner.id))).toHaveLength(0);
  });
});
