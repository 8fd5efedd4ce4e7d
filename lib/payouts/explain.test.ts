import { describe, expect, it } from "vitest";
import { applyBps, prorationFor } from "@/lib/money";
import { lastMonths, monthlyReport, type CommissionAggregate } from "./explain";

const row = (over: Partial<CommissionAggregate>): CommissionAggregate => ({ month: "2026-10", kind: "subscription", status: "paid", grossCents: 0, refundedCents: 0, amountCents: 0, ...over });

describe("estimated vs actual, per month", () => {
  it("explains the difference: the worked example of the header", () => {
    // A 10-day-in upgrade of a 30-day period from 49_900 to 99_900, at 30%, as Stripe prorates it.
    const p = prorationFor({ oldAmount: 49_900, newAmount: 99_900, periodStart: new Date("2026-10-01T00:00:00Z"), periodEnd: new Date("2026-10-31T00:00:00Z"), changeAt: new Date("2026-10-11T00:00:00Z") });
    expect(p).toMatchObject({ credit: -33_267, charge: 66_600, net: 33_333 });
    const proration = applyBps(p.net, 3000);
    expect(proration).toBe(10_000);
    const [m] = monthlyReport(
      [
        row({ kind: "subscription", status: "paid", grossCents: 14_970, refundedCents: 7_485, amountCents: 7_485 }),
        row({ kind: "bounty", status: "payable", grossCents: 10_000, amountCents: 10_000 }),
        row({ kind: "proration", status: "pending", grossCents: proration, amountCents: proration }),
      ],
      ["2026-10"],
    );
    expect(m).toMatchObject({ earnedCents: 24_970, prorationCents: 10_000, estimatedCents: 34_970, refundsCents: -7_485, holdsCents: 0, paidCents: 7_485, toPayCents: 20_000, actualCents: 27_485 });
  });

  it("a downgrade's proration is negative and lowers the estimate", () => {
    const p = prorationFor({ oldAmount: 99_900, newAmount: 49_900, periodStart: new Date("2026-10-01T00:00:00Z"), periodEnd: new Date("2026-10-31T00:00:00Z"), changeAt: new Date("2026-10-16T00:00:00Z") });
    expect(p.net).toBe(-25_000);
    const [m] = monthlyReport([row({ kind: "subscription", grossCents: 29_970, amountCents: 29_970 }), row({ kind: "proration", status: "payable", grossCents: applyBps(p.net, 3000), amountCents: applyBps(p.net, 3000) })], ["2026-10"]);
    expect(m!.prorationCents).toBe(-7_500);
    expect(m!.actualCents).toBe(22_470);
  });

  it("holds and fraud reversals, and clawbacks of paid commissions, are shown apart", () => {
    const [m] = monthlyReport(
      [
        row({ kind: "subscription", status: "held", grossCents: 5_000, amountCents: 5_000 }),
        row({ kind: "add_on", status: "reversed", grossCents: 2_000, amountCents: 2_000 }),
        row({ kind: "subscription", status: "reversed", grossCents: 3_000, refundedCents: 3_000, amountCents: 0 }), // fully refunded
        row({ kind: "clawback", status: "payable", grossCents: -1_200, amountCents: -1_200 }),
      ],
      ["2026-10"],
    );
    expect(m).toMatchObject({ estimatedCents: 10_000, refundsCents: -4_200, holdsCents: -7_000, actualCents: -1_200 });
    expect(m!.bySource).toEqual({ subscriptions: 8_000, addOns: 2_000, bounties: 0, proration: 0, clawbacks: -1_200 });
  });

  it("estimated + refunds + holds = actual for any mix of states", () => {
    const kinds = ["subscription", "add_on", "bounty", "proration", "clawback"] as const;
    const statuses = ["pending", "payable", "held", "paid", "reversed"] as const;
    const rows: CommissionAggregate[] = [];
    let seed = 7;
    const rnd = (n: number) => (seed = (seed * 48_271) % 2_147_483_647) % n;
    for (let i = 0; i < 300; i++) {
      const kind = kinds[rnd(5)]!;
      const gross = kind === "clawback" ? -rnd(5_000) : rnd(20_000) - (kind === "proration" ? 10_000 : 0);
      const refunded = kind === "clawback" ? 0 : Math.trunc(gross * (rnd(3) / 2));
      rows.push(row({ month: ["2026-09", "2026-10"][rnd(2)]!, kind, status: statuses[rnd(5)]!, grossCents: gross, refundedCents: refunded, amountCents: gross - refunded }));
    }
    for (const m of monthlyReport(rows, ["2026-09", "2026-10"])) expect(m.estimatedCents + m.refundsCents + m.holdsCents).toBe(m.actualCents);
  });

  it("lists the last months in UTC, across a year boundary", () => {
    expect(lastMonths(new Date("2027-02-01T00:30:00+01:00"), 4)).toEqual(["2026-10", "2026-11", "2026-12", "2027-01"]);
  });
});
