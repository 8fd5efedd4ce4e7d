import { describe, expect, it } from "vitest";
import { EXIT_TEST_RULES, evaluateAll, evaluateDealClosure, evaluateNpsAndWebinars, evaluateTti, formatResultLine } from "./evaluate";
import { fixture } from "./fixtures";

const NOW = new Date("2026-11-20T12:00:00.000Z");
const verdicts = (name: Parameters<typeof fixture>[0]) => evaluateAll(fixture(name), NOW).map((r) => r.status);

describe("exit tests on fixtures", () => {
  it("all pass on the passing data set", () => {
    expect(verdicts("pass")).toEqual(["PASS", "PASS", "PASS"]);
  });

  it.each([
    ["fail-1", ["FAIL", "PASS", "PASS"]],
    ["fail-2", ["PASS", "FAIL", "PASS"]],
    ["fail-3", ["PASS", "PASS", "FAIL"]],
    ["empty", ["FAIL", "FAIL", "FAIL"]],
  ] as const)("%s -> %j", (name, expected) => {
    expect(verdicts(name)).toEqual(expected);
  });

  it("with no data every test says what is missing", () => {
    const results = evaluateAll(fixture("empty"), NOW);
    for (const r of results) expect(r.reasons.join(" ")).toMatch(/^not enough data: /);
    expect(results[0]!.reasons[0]).toContain("no paid customers attributed");
    expect(results[1]!.reasons[0]).toContain("0 partner-installed and 0 self-serve");
    expect(results[2]!.reasons).toEqual(["not enough data: no NPS quarter has been published", "not enough data: no webinar registrations"]);
  });
});

describe("test 1: partner deal closure", () => {
  it("counts a partner only with a paid, unrefunded customer whose CRM opportunity names it", () => {
    const r = evaluateDealClosure(fixture("fail-1").dealClosure.customers);
    expect(r.figures).toMatchObject({ partners_with_proven_paid_work: 2, paid_attributed_customers: 4, customers_without_crm_proof: 1, customers_refunded_in_full: 1 });
    expect(r.reasons[0]).toBe("only 2 partners closed paid work with CRM attribution; 3 needed");
  });

  it("rejects a local CRM opportunity that names another partner", () => {
    const customers = fixture("pass").dealClosure.customers.map((c) => (c.partnerId === "ptr_fixture3" ? { ...c, crmPartnerId: "ptr_other" } : c));
    expect(evaluateDealClosure(customers).status).toBe("FAIL");
  });

  it("exactly 3 partners pass", () => {
    const r = evaluateDealClosure(fixture("pass").dealClosure.customers);
    expect(r.figures.partners_with_proven_paid_work).toBe(EXIT_TEST_RULES.minPartners);
    expect(r.status).toBe("PASS");
    expect(formatResultLine(r)).toMatch(/^PASS 1 Partner deal closure: 3 partners with CRM-proven paid customers/);
  });
});

describe("test 2: TTI improvement", () => {
  it("reports p50/p95 deltas, sample sizes and the tests (hand-checked medians)", () => {
    const r = evaluateTti(fixture("pass").tti.installs);
    // Partner minutes sorted: median of 12 = (11 + 12) / 2 = 11.5 min = 690 s;
    // self-serve: (58 + 61) / 2 = 59.5 min = 3570 s -> delta -2880 s.
    expect(r.figures).toMatchObject({ n_partner: 12, n_self_serve: 12, p50_partner_s: 690, p50_self_serve_s: 3570, p50_delta_s: -2880, mann_whitney_u: 0 });
    // Ties (9, 9 and 12, 12) -> normal approximation: U = 0, mu = 72, tie term 6 + 6 = 12,
    // sigma^2 = 144/12 * (25 - 12/552) = 299.739, z = 71.5 / 17.3130 = 4.1298, p = 3.630e-5
    expect(r.figures.mann_whitney_method).toBe("normal");
    expect(r.figures.mann_whitney_z).toBeCloseTo(4.1298, 3);
    expect(r.figures.mann_whitney_p as number).toBeCloseTo(3.63e-5, 7);
    expect(r.figures.bootstrap_ci95_high_s as number).toBeLessThan(0);
    expect(r.status).toBe("PASS");
  });

  it("fails when the groups overlap", () => {
    const r = evaluateTti(fixture("fail-2").tti.installs);
    expect(r.status).toBe("FAIL");
    expect(r.reasons.join(" ")).toContain("not significant");
  });

  it("needs 10 installs in each group: 9 is not enough", () => {
    const installs = fixture("pass").tti.installs;
    const nine = [...installs.filter((i) => i.partnerId).slice(0, 9), ...installs.filter((i) => !i.partnerId)];
    const r = evaluateTti(nine);
    expect(r.status).toBe("FAIL");
    expect(r.reasons[0]).toContain("not enough data: 9 partner-installed verified installs");
  });
});

describe("test 3: NPS and webinars", () => {
  const { nps, webinars } = fixture("pass");

  it("fails with 'not enough data: no webinar registrations' while the webinar source is missing", () => {
    const r = evaluateNpsAndWebinars(nps.latest, { available: false, reason: "webinar registrations not available" }, NOW);
    expect(r.status).toBe("FAIL");
    expect(r.reasons).toEqual(["not enough data: no webinar registrations (webinar registrations not available)"]);
  });

  it("needs enough partner responses, a methodology and a recent publication", () => {
    const thin = evaluateNpsAndWebinars({ ...nps.latest!, partnerResponses: 9, hasMethodology: false }, webinars.leads, NOW);
    expect(thin.reasons).toEqual(["not enough data: 2026-Q3 has 9 partner NPS responses (need 10)", "2026-Q3 was published without its methodology"]);
    const old = evaluateNpsAndWebinars({ ...nps.latest!, publishedAt: "2026-01-05T00:00:00.000Z" }, webinars.leads, NOW);
    expect(old.status).toBe("FAIL");
  });

  it("webinars without a qualified lead do not count", () => {
    const r = evaluateNpsAndWebinars(nps.latest, { available: true, rows: [{ partnerId: "p", partnerName: "P", qualifiedLeads: 0 }] }, NOW);
    expect(r.reasons).toEqual(["no partner webinar generated a qualified lead"]);
  });
});
