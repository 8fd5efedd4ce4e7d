import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { parseMinorUnits } from "@/lib/money";
import { makeAdmin, makeTeam, T0 } from "@/lib/testing/factories";
import { getPartnerLedgerView } from "./adjustments";
import { postAdjustment } from "./manage";

describe("typed amounts", () => {
  it("become minor units, refusing more decimals than the currency has instead of rounding", () => {
    expect(parseMinorUnits("25", "USD")).toBe(2500);
    expect(parseMinorUnits(" -12.5 ", "USD")).toBe(-1250);
    expect(parseMinorUnits("1,250.05", "USD")).toBe(125005);
    expect(parseMinorUnits("1.234", "USD")).toBeNull();
    expect(parseMinorUnits("ten", "USD")).toBeNull();
    expect(parseMinorUnits("", "USD")).toBeNull();
    expect(parseMinorUnits("1500", "JPY")).toBe(1500);
    expect(parseMinorUnits("1500.5", "JPY")).toBeNull();
  });
});

describe("admin adjustments", () => {
  it("post a signed ledger entry with its audit event and move the balance; partners cannot post them", async () => {
    const { partner, asOwner } = await makeTeam();
    const admin = await makeAdmin();
    await postAdjustment({ principal: admin, partnerId: partner.id, input: { amountCents: 5000, currency: "USD", memo: "Goodwill credit for the outage" }, now: T0 });
    const debit = await postAdjustment({ principal: admin, partnerId: partner.id, input: { amountCents: -1250, currency: "USD", memo: "Duplicated bounty" }, now: new Date(T0.getTime() + 1000) });
    expect(debit).toMatchObject({ kind: "adjustment", amountCents: -1250, memo: "Duplicated bounty" });

    const view = await getPartnerLedgerView(admin, partner.id);
    expect(view.balances).toEqual({ USD: 3750 });
    expect(view.entries.map((e) => e.amountCents)).toEqual([-1250, 5000]);
    const db = await getDb();
    const trail = await db.select().from(auditEvents).where(and(eq(auditEvents.partnerId, partner.id), eq(auditEvents.action, "ledger.entry_posted")));
    expect(trail).toHaveLength(2);

    await expect(postAdjustment({ principal: asOwner, partnerId: partner.id, input: { amountCents: 100, currency: "USD", memo: "Self-service" }, now: T0 })).rejects.toMatchObject({ code: "forbidden" });
    await expect(getPartnerLedgerView(asOwner, partner.id)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("refuse a zero amount, a missing reason and an unknown partner with clear errors, writing nothing", async () => {
    const { partner } = await makeTeam();
    const admin = await makeAdmin();
    await expect(postAdjustment({ principal: admin, partnerId: partner.id, input: { amountCents: 0, currency: "USD", memo: "" }, now: T0 })).rejects.toMatchObject({
      code: "validation_failed",
      fields: { amountCents: ["Must not be zero"], memo: ["Say why"] },
    });
    await expect(postAdjustment({ principal: admin, partnerId: "prt_missing", input: { amountCents: 100, currency: "USD", memo: "Credit" }, now: T0 })).rejects.toMatchObject({ code: "not_found" });
    expect((await getPartnerLedgerView(admin, partner.id)).entries).toEqual([]);
  });
});
