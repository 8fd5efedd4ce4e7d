import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, billingInvoices, commissions } from "@/db/schema";
import { recordConversion } from "@/lib/attribution/record-conversion";
import type { Principal } from "@/lib/auth/permissions";
import { releaseHolds } from "@/lib/commissions/release-holds";
import { markPaid } from "@/lib/commissions/store";
import { makeAdmin, makeTeam } from "@/lib/testing/factories";
import { reviewHold } from "./review-hold";
import { evaluateFraud, type FraudContext } from "./rules";

const platform: Principal = { kind: "key", key: { keyId: "key_platform", kind: "platform", partnerId: null, scopes: ["platform:write"], name: "Platform" } };
const base: FraudContext = {
  customerDomain: "customer.example",
  customerEmail: "it@customer.example",
  partnerDomains: ["partner.example", "gmail.com"],
  partnerMemberEmails: ["owner@partner.example"],
  eventAt: new Date("2026-03-10T00:00:00Z"),
  clickedAt: new Date("2026-03-09T00:00:00Z"),
  clicksFromIpInHour: 1,
  clicksFromUaInHour: 3,
  conversionsLastDay: 1,
  conversionsPrior90Days: 90,
  commissionGross90Days: 100_000,
  commissionRefunded90Days: 0,
  commissionCount90Days: 10,
};
const rules = (over: Partial<FraudContext>) => evaluateFraud({ ...base, ...over }).map((h) => h.rule);

describe("fraud rules", () => {
  it.each([
    ["a clean conversion", {}, []],
    ["the partner's own domain", { customerDomain: "partner.example" }, ["self_referral"]],
    ["a team member as the customer", { customerEmail: "OWNER@partner.example", customerDomain: "gmail.com" }, ["self_referral"]],
    ["a generic email domain the partner also uses is not self-referral", { customerDomain: "gmail.com", customerEmail: "someone@gmail.com" }, []],
    ["20 clicks from one IP in an hour is allowed", { clicksFromIpInHour: 20 }, []],
    ["21 clicks from one IP in an hour", { clicksFromIpInHour: 21 }, ["click_flood"]],
    ["201 clicks from one user agent", { clicksFromUaInHour: 201 }, ["click_flood"]],
    ["paid before the click", { clickedAt: new Date("2026-03-10T00:00:01Z") }, ["impossible_timing"]],
    ["paid exactly at the click", { clickedAt: new Date("2026-03-10T00:00:00Z") }, []],
    ["10 conversions in a day against 1 a day", { conversionsLastDay: 10 }, ["spike"]],
    ["9 conversions in a day is below the minimum", { conversionsLastDay: 9, conversionsPrior90Days: 0 }, []],
    ["5x the average exactly is not a spike", { conversionsLastDay: 10, conversionsPrior90Days: 180 }, []],
    ["31% refunded", { commissionRefunded90Days: 31_000 }, ["refund_heavy"]],
    ["30% refunded is the limit", { commissionRefunded90Days: 30_000 }, []],
    ["refunds on too few commissions to judge", { commissionRefunded90Days: 90_000, commissionCount90Days: 4 }, []],
  ] as const)("%s", (_name, over, expected) => {
    expect(rules(over)).toEqual(expected);
  });
});

describe("holds", () => {
  it("a hit holds the commission with its reasons; held is never paid; an admin clears or rejects it, audited", async () => {
    const { partner } = await makeTeam({ tier: "verified", website: "https://selfco.example" });
    const now = new Date();
    await recordConversion({ principal: platform, input: { type: "signup", customerId: "cus_self", customerEmail: "cfo@selfco.example", partnerId: partner.id }, now });
    await recordConversion({ principal: platform, input: { type: "paid", customerId: "cus_self", amount: 19_900, currency: "USD", sku: "provenance-starter" }, now });
    const db = await getDb();
    const [held] = await db.select().from(commissions).where(eq(commissions.customerId, "cus_self"));
    expect(held).toMatchObject({ status: "held", amountCents: 3_980, heldReasons: [{ rule: "self_referral", detail: expect.stringContaining("selfco.example") }] });

    // The hold period passing does not release a held commission, and a payout cannot take it.
    await releaseHolds(new Date(now.getTime() + 40 * 86_400_000));
    expect(await db.transaction((tx) => markPaid(tx, [held!.id], "po_test", now))).toEqual([]);
    expect((await db.select().from(commissions).where(eq(commissions.id, held!.id)))[0]!.status).toBe("held");

    const admin = await makeAdmin();
    await expect(reviewHold({ principal: admin, commissionId: held!.id, input: { decision: "clear", reason: "short" }, now })).rejects.toMatchObject({ code: "validation_failed" });
    const cleared = await reviewHold({ principal: admin, commissionId: held!.id, input: { decision: "clear", reason: "Subsidiary with its own budget; verified." }, now });
    expect(cleared).toMatchObject({ status: "pending", reviewNote: "Subsidiary with its own budget; verified." });
    await expect(reviewHold({ principal: admin, commissionId: held!.id, input: { decision: "reject", reason: "Second thoughts on this one" }, now })).rejects.toMatchObject({ code: "conflict" });
    const trail = await db.select().from(auditEvents).where(eq(auditEvents.objectId, held!.id));
    expect(trail.map((t) => t.action)).toEqual(expect.arrayContaining(["commission.created", "commission.hold_cleared"]));

    // Pending -> payable once the hold period is over; then it can be paid.
    const released = await releaseHolds(new Date(held!.holdUntil.getTime()));
    expect(released.changed).toBeGreaterThanOrEqual(1);
    expect(await db.transaction((tx) => markPaid(tx, [held!.id], "po_test", now))).toHaveLength(1);
  });

  it("an admin rejection reverses it; partners cannot review", async () => {
    const { partner, asOwner } = await makeTeam({ website: "https://selfco2.example" });
    const now = new Date();
    await recordConversion({ principal: platform, input: { type: "paid", customerId: "cus_self2", customerDomain: "selfco2.example", partnerId: partner.id, amount: 10_000, currency: "USD", sku: "provenance-starter" }, now });
    const db = await getDb();
    const [held] = await db.select().from(commissions).where(eq(commissions.customerId, "cus_self2"));
    expect(held!.status).toBe("held");
    await expect(reviewHold({ principal: asOwner, commissionId: held!.id, input: { decision: "clear", reason: "It is fine, trust me" }, now })).rejects.toMatchObject({ code: "forbidden" });
    const rejected = await reviewHold({ principal: await makeAdmin(), commissionId: held!.id, input: { decision: "reject", reason: "Own company buying through its own link" }, now });
    expect(rejected).toMatchObject({ status: "reversed", reversalReason: expect.stringContaining("Own company") });
    expect(await db.select().from(billingInvoices).where(eq(billingInvoices.customerId, "cus_self2"))).toHaveLength(1);
  });
});
