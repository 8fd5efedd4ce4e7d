import { describe, expect, it } from "vitest";
import { acquisitionAndRetention, compareDeals, funnelByPartner, funnelByQuarter, lastMonths } from "./rules";

describe("funnel by quarter", () => {
  const rows = [
    { partnerId: "a", quarter: "2026-Q3", clicks: 100, signups: 10, pilots: 5, paid: 2 },
    { partnerId: "b", quarter: "2026-Q3", clicks: 100, signups: 10, pilots: 3, paid: 1 },
    { partnerId: "a", quarter: "2026-Q4", clicks: 50, signups: 5, pilots: 0, paid: 0 },
    { partnerId: "b", quarter: "2025-Q1", clicks: 999, signups: 9, pilots: 9, paid: 9 },
  ];

  it("sums partners per quarter with step conversion, zeros for empty quarters, outside quarters ignored", () => {
    const f = funnelByQuarter(rows, ["2026-Q2", "2026-Q3", "2026-Q4"]);
    expect(f.quarters[0]!.steps.map((s) => s.count)).toEqual([0, 0, 0, 0]);
    // 200 clicks -> 20 signups (10%) -> 8 pilots (40%) -> 3 paid (37.5%)
    expect(f.quarters[1]!.steps.map((s) => [s.count, s.conversionPct])).toEqual([[200, null], [20, 10], [8, 40], [3, 37.5]]);
    expect(f.total.map((s) => s.count)).toEqual([250, 25, 8, 3]);
  });

  it("ranks partners by paid customers", () => {
    const p = funnelByPartner(rows, ["2026-Q3", "2026-Q4"], new Map([["a", "Alpha"], ["b", "Beta"]]));
    expect(p.map((x) => [x.partnerName, x.paid, x.clicks])).toEqual([["Alpha", 2, 150], ["Beta", 1, 100]]);
  });
});

describe("partner-sourced vs non-partner deals", () => {
  it("matches the worked example: +50 pp close rate, +200.00 ASP", () => {
    const opp = (partnerSourced: boolean, stage: string, amountCents: number | null) => ({ partnerSourced, stage, amountCents });
    const opps = [
      ...[60_000, 60_000, 60_000].map((a) => opp(true, "closed_won", a)),
      opp(true, "closed_lost", 10_000),
      opp(true, "qualification", 99_999),
      ...[40_000, 40_000].map((a) => opp(false, "closed_won", a)),
      ...Array.from({ length: 6 }, () => opp(false, "closed_lost", 50_000)),
    ];
    const c = compareDeals(opps);
    expect(c.partner).toEqual({ closed: 4, won: 3, closeRate: 0.75, aspCents: 60_000 });
    expect(c.direct).toEqual({ closed: 8, won: 2, closeRate: 0.25, aspCents: 40_000 });
    expect(c.closeRateDeltaPp).toBeCloseTo(50, 10);
    expect(c.aspDeltaCents).toBe(20_000);
  });

  it("has no delta without the other group", () => {
    expect(compareDeals([{ partnerSourced: true, stage: "closed_won", amountCents: 1 }])).toMatchObject({ closeRateDeltaPp: null, aspDeltaCents: null });
  });
});

describe("program health", () => {
  it("lists months across a year end", () => {
    expect(lastMonths(new Date("2026-02-10T00:00:00Z"), 4)).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
  });

  it("acquisition and retention match the worked example", () => {
    const active = [
      ...Array.from({ length: 20 }, (_, i) => ({ month: "2026-02", partnerId: `p${i}` })),
      ...Array.from({ length: 17 }, (_, i) => ({ month: "2026-03", partnerId: `p${i}` })),
      { month: "2026-03", partnerId: "new" },
    ];
    const [feb, mar] = acquisitionAndRetention(["2026-02", "2026-03"], [{ month: "2025-12", joined: 40 }, { month: "2026-03", joined: 2 }], active);
    expect(mar).toMatchObject({ joined: 2, partnersAtStart: 40, acquisitionRate: 0.05, activePartners: 18, retentionRate: 0.85 });
    expect(feb).toMatchObject({ acquisitionRate: 0, retentionRate: null });
  });
});
