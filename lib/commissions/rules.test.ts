import { describe, expect, it } from "vitest";
import { canBePaid, canTransition, desiredCommissions, reconcilePlan, unheldStatus, type DesiredCommission, type ExistingCommission, type InvoiceFact } from "./rules";

const D = (s: string) => new Date(`${s}T00:00:00Z`);
const inv = (id: string, paidAt: string, lines: [string, number, boolean?][], currency = "USD"): InvoiceFact => ({
  id,
  currency,
  paidAt: D(paidAt),
  amountPaid: lines.reduce((s, [, a]) => s + a, 0),
  lines: lines.map(([sku, amount, proration], i) => ({ id: `il_${i}`, sku, amount, proration: proration ?? false })),
});
const cents = (rows: DesiredCommission[]) => rows.map((r) => [r.kind, r.sku, r.grossCents, r.refundCents]);

describe("what a customer earns its partner, to the cent", () => {
  it.each([
    // tier, invoice lines, expected [kind, sku, gross, refund]
    ["verified", [["provenance-starter", 19_900]], [["subscription", "provenance-starter", 3_980, 0]]],
    ["advanced", [["provenance-starter", 19_900]], [["subscription", "provenance-starter", 4_975, 0]]],
    ["premier", [["provenance-starter", 19_900]], [["subscription", "provenance-starter", 5_970, 0]]],
    // 25% of 10_002 = 2_500.5 -> 2_500 (half to even); 25% of 10_006 = 2_501.5 -> 2_502
    ["advanced", [["provenance-starter", 10_002]], [["subscription", "provenance-starter", 2_500, 0]]],
    ["advanced", [["provenance-starter", 10_006]], [["subscription", "provenance-starter", 2_502, 0]]],
    // Add-ons earn the add-on share: 15% premier, 10% verified
    ["premier", [["addon-evidence-packs", 12_345]], [["add_on", "addon-evidence-packs", 1_852, 0]]],
    ["verified", [["addon-survival-monitor", 4_999]], [["add_on", "addon-survival-monitor", 500, 0]]],
    // Bounties: fixed per SKU and currency, once
    [
      "verified",
      [["provenance-enterprise", 250_000]],
      [
        ["subscription", "provenance-enterprise", 50_000, 0],
        ["bounty", "provenance-enterprise", 50_000, 0],
      ],
    ],
    // Unknown SKUs and invoice proration lines earn nothing here
    ["premier", [["mystery-sku", 10_000], ["provenance-starter", -5_000, true]], []],
  ] as const)("%s %j", (tier, lines, expected) => {
    const out = desiredCommissions({ customerId: "cus_1", tier, invoices: [inv("in_1", "2026-01-10", lines as unknown as [string, number][])], refunds: [], planChanges: [] });
    expect(cents(out)).toEqual(expected);
  });

  it("the bounty is paid once per customer and SKU, in the invoice currency", () => {
    const out = desiredCommissions({
      customerId: "cus_1",
      tier: "verified",
      invoices: [inv("in_1", "2026-01-10", [["provenance-pro", 49_900]], "EUR"), inv("in_2", "2026-02-10", [["provenance-pro", 49_900]], "EUR")],
      refunds: [],
      planChanges: [],
    });
    expect(out.filter((o) => o.kind === "bounty").map((o) => [o.grossCents, o.currency])).toEqual([[9_000, "EUR"]]);
  });

  it("subscription revenue earns for 12 months from the first payment; add-ons keep earning", () => {
    const out = desiredCommissions({
      customerId: "cus_1",
      tier: "verified",
      invoices: [
        inv("in_1", "2026-01-10", [["provenance-starter", 10_000]]),
        inv("in_12", "2027-01-09", [["provenance-starter", 10_000]]),
        inv("in_13", "2027-01-10", [["provenance-starter", 10_000], ["addon-cdn-connector", 10_000]]),
      ],
      refunds: [],
      planChanges: [],
    });
    expect(out.map((o) => o.sourceKey)).toEqual(["line:in_1:il_0", "line:in_12:il_0", "line:in_13:il_1"]);
  });

  it.each([
    // old -> new over a 30-day period, change after 10 days, premier 30%
    ["upgrade", 49_900, 99_900, 10, 33_333, 10_000],
    ["downgrade", 99_900, 49_900, 10, -33_333, -10_000],
    ["downgrade late", 99_900, 19_900, 25, -13_333, -4_000],
    ["no change in price", 49_900, 49_900, 10, 0, null],
  ] as const)("proration: %s", (_name, oldAmount, newAmount, day, net, commission) => {
    const out = desiredCommissions({
      customerId: "cus_1",
      tier: "premier",
      invoices: [inv("in_1", "2026-03-01", [["provenance-pro", oldAmount]])],
      refunds: [],
      planChanges: [
        {
          id: "sub_1@1",
          oldSku: "provenance-pro",
          newSku: "provenance-enterprise",
          oldAmount,
          newAmount,
          currency: "USD",
          periodStart: D("2026-03-01"),
          periodEnd: D("2026-03-31"),
          changeAt: D(`2026-03-${String(1 + day).padStart(2, "0")}`),
        },
      ],
    });
    const change = out.find((o) => o.kind === "proration");
    if (commission === null) expect(change).toBeUndefined();
    else expect([change?.baseCents, change?.grossCents]).toEqual([net, commission]);
  });

  it.each([
    // refunded of 49_900 paid -> refund taken off the 14_970 commission (premier) and the 10_000 bounty
    [0, 0, 0],
    [24_950, 7_485, 0], // half
    [10_000, 3_000, 0], // 14_970 x 10_000 / 49_900 = 2_999.99 -> 3_000
    [49_900, 14_970, 10_000], // full: the bounty goes too
    [99_999, 14_970, 10_000], // never more than was paid
  ])("partial refunds: %i refunded", (refunded, fromCommission, fromBounty) => {
    const out = desiredCommissions({
      customerId: "cus_1",
      tier: "premier",
      invoices: [inv("in_1", "2026-03-01", [["provenance-pro", 49_900]])],
      refunds: [{ invoiceId: "in_1", takenBackCents: refunded }],
      planChanges: [],
    });
    expect(out.map((o) => o.refundCents)).toEqual([fromCommission, fromBounty]);
  });
});

describe("reconcilePlan: stored commissions follow the facts", () => {
  const desired = (refund: number): DesiredCommission => ({
    sourceKey: "line:in_1:il_0",
    kind: "subscription",
    invoiceId: "in_1",
    sku: "provenance-pro",
    baseCents: 49_900,
    rateBps: 3000,
    grossCents: 14_970,
    refundCents: refund,
    currency: "USD",
    earnedAt: D("2026-03-01"),
  });
  const row = (over: Partial<ExistingCommission>): ExistingCommission => ({
    id: "com_1",
    sourceKey: "line:in_1:il_0",
    kind: "subscription",
    status: "pending",
    grossCents: 14_970,
    refundedCents: 0,
    amountCents: 14_970,
    reversesCommissionId: null,
    currency: "USD",
    ...over,
  });

  it("inserts what is missing and leaves what matches", () => {
    expect(reconcilePlan([], [desired(0)])).toEqual([{ type: "insert", line: desired(0) }]);
    expect(reconcilePlan([row({})], [desired(0)])).toEqual([]);
  });

  it("reduces an unpaid commission, and reverses it when nothing is left", () => {
    expect(reconcilePlan([row({})], [desired(7_485)])).toEqual([{ type: "set_refund", id: "com_1", refundedCents: 7_485, reverse: false, restore: false }]);
    expect(reconcilePlan([row({ status: "held" })], [desired(14_970)])).toEqual([{ type: "set_refund", id: "com_1", refundedCents: 14_970, reverse: true, restore: false }]);
  });

  it("claws back a paid commission with a negative line, then adjusts that line while unpaid", () => {
    const paid = row({ status: "paid" });
    expect(reconcilePlan([paid], [desired(7_485)])).toEqual([{ type: "clawback_insert", reversesId: "com_1", sourceKey: "claw:com_1:1", amountCents: -7_485, currency: "USD" }]);
    const claw = row({ id: "com_2", sourceKey: "claw:com_1:1", kind: "clawback", status: "payable", grossCents: -7_485, amountCents: -7_485, reversesCommissionId: "com_1" });
    expect(reconcilePlan([paid, claw], [desired(7_485)])).toEqual([]);
    expect(reconcilePlan([paid, claw], [desired(14_970)])).toEqual([{ type: "clawback_update", id: "com_2", amountCents: -14_970 }]);
    const paidClaw = { ...claw, status: "paid" as const };
    expect(reconcilePlan([paid, paidClaw], [desired(14_970)])).toEqual([{ type: "clawback_insert", reversesId: "com_1", sourceKey: "claw:com_1:2", amountCents: -7_485, currency: "USD" }]);
  });

  it("leaves a commission reversed by a fraud decision alone", () => {
    expect(reconcilePlan([row({ status: "reversed" })], [desired(7_485)])).toEqual([]);
  });
});

describe("states", () => {
  it("only payable commissions can be paid; held and paid are not payable", () => {
    expect(canBePaid("payable")).toBe(true);
    for (const s of ["pending", "held", "paid", "reversed"] as const) expect(canBePaid(s)).toBe(false);
    expect(canTransition("held", "paid")).toBe(false);
    expect(canTransition("paid", "reversed")).toBe(false);
    expect(canTransition("pending", "payable")).toBe(true);
  });

  it("the hold period ends exactly at hold-until", () => {
    const until = D("2026-04-01");
    expect(unheldStatus(until, new Date(until.getTime() - 1))).toBe("pending");
    expect(unheldStatus(until, until)).toBe("payable");
  });
});
