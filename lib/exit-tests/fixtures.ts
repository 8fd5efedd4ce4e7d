import type { ClosedCustomer, ExitTestData, InstallTti } from "./types";

// Fixed data sets for the exit tests: one under which every test passes, and
// one per test where that test fails for a real reason (not only missing data).
// The tests use them, and `npm run exit-tests -- --fixture=<name>` shows each
// verdict without touching the database.

export const FIXTURE_NAMES = ["pass", "fail-1", "fail-2", "fail-3", "empty"] as const;
export type FixtureName = (typeof FIXTURE_NAMES)[number];

const AT = "2026-11-20T12:00:00.000Z";

function customer(partner: number, n: number, over: Partial<ClosedCustomer> = {}): ClosedCustomer {
  return {
    partnerId: `ptr_fixture${partner}`,
    partnerName: `Fixture Partner ${partner}`,
    customerId: `cus_fixture_${partner}_${n}`,
    via: "click",
    paidAt: "2026-10-15T10:00:00.000Z",
    netPaidCents: 49_900,
    currency: "USD",
    crmSystem: "local",
    crmOpportunityId: `opp_fixture_${partner}_${n}`,
    crmPartnerId: `ptr_fixture${partner}`,
    crmStage: "closed_won",
    ...over,
  };
}

function install(i: number, partnerId: string | null, minutes: number): InstallTti {
  const start = Date.parse("2026-06-01T09:00:00.000Z") + i * 86_400_000;
  return {
    installId: `ins_fixture${String(i).padStart(3, "0")}`,
    partnerId,
    stack: i % 2 ? "wordpress" : "shopify",
    startedAt: new Date(start).toISOString(),
    verifiedAt: new Date(start + minutes * 60_000).toISOString(),
    ttiSeconds: minutes * 60,
  };
}

// Partner-led TTIs well below self-serve ones (minutes).
const PARTNER_MIN = [6, 8, 9, 9, 10, 11, 12, 12, 14, 15, 18, 22];
const SELF_MIN = [35, 40, 44, 50, 55, 58, 61, 70, 75, 90, 120, 240];
// Overlapping samples: no significant difference.
const SIMILAR_SELF_MIN = [7, 8, 9, 10, 11, 12, 13, 14, 15, 17, 19, 21];

export function fixture(name: FixtureName): ExitTestData {
  const passing: ExitTestData = {
    generatedAt: AT,
    dealClosure: { customers: [customer(1, 1), customer(1, 2, { via: "deal" }), customer(2, 1, { via: "partner_id" }), customer(3, 1)] },
    tti: {
      windowStart: "2025-11-20T12:00:00.000Z",
      windowEnd: AT,
      installs: [...PARTNER_MIN.map((m, i) => install(i, `ptr_fixture${(i % 3) + 1}`, m)), ...SELF_MIN.map((m, i) => install(100 + i, null, m))],
    },
    nps: {
      windowStart: "2026-07-01T00:00:00.000Z",
      windowEnd: "2026-10-01T00:00:00.000Z",
      latest: { quarter: "2026-Q3", publishedAt: "2026-10-05T09:00:00.000Z", partnerResponses: 24, partnerNps: 37.5, partnerMarginOfError: 28.4, customerResponses: 120, customerNps: 41.7, hasMethodology: true },
    },
    webinars: {
      windowStart: "2025-11-20T12:00:00.000Z",
      windowEnd: AT,
      leads: { available: true, rows: [{ partnerId: "ptr_fixture1", partnerName: "Fixture Partner 1", qualifiedLeads: 7 }] },
    },
  };
  switch (name) {
    case "pass":
      return passing;
    case "fail-1":
      // Two partners only; the third partner's customer has no CRM opportunity, the fourth refunded in full.
      return {
        ...passing,
        dealClosure: {
          customers: [customer(1, 1), customer(2, 1), customer(3, 1, { crmOpportunityId: null, crmSystem: null, crmPartnerId: null }), customer(4, 1, { netPaidCents: 0 })],
        },
      };
    case "fail-2":
      return {
        ...passing,
        tti: { ...passing.tti, installs: [...PARTNER_MIN.map((m, i) => install(i, "ptr_fixture1", m)), ...SIMILAR_SELF_MIN.map((m, i) => install(100 + i, null, m))] },
      };
    case "fail-3":
      return { ...passing, nps: { ...passing.nps, latest: null }, webinars: { ...passing.webinars, leads: { available: false, reason: "webinar source not available" } } };
    case "empty":
      return {
        generatedAt: AT,
        dealClosure: { customers: [] },
        tti: { ...passing.tti, installs: [] },
        nps: { ...passing.nps, latest: null },
        webinars: { ...passing.webinars, leads: { available: true, rows: [] } },
      };
  }
}
