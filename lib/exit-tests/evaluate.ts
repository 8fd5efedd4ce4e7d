import { bootstrapMedianDiffCi } from "@/lib/stats/bootstrap";
import { percentile } from "@/lib/stats/descriptive";
import { mannWhitneyU } from "@/lib/stats/mann-whitney";
import type { ClosedCustomer, ExitTestData, ExitTestResult, InstallTti, PublishedNpsFacts, WebinarLeads } from "./types";

// The three exit tests as pure functions of plain data: PASS or FAIL with the
// numbers behind it. Missing data is a FAIL that says what is missing
// ("not enough data: ..."), never an error and never a PASS.

export const EXIT_TEST_RULES = {
  /** Test 1: partners that closed proven paid work. */
  minPartners: 3,
  /** Test 2: verified installs needed in each group. */
  minTtiSample: 10,
  /** Test 2: "new tenants" = installs started within this many days. */
  ttiWindowDays: 365,
  alpha: 0.05,
  bootstrapResamples: 2000,
  bootstrapSeed: 20_261_126,
  /** Test 3: partner NPS responses a published quarter needs. */
  minPartnerNpsResponses: 10,
  /** Test 3: a publication older than this many days does not count. */
  npsMaxAgeDays: 200,
  /** Test 3: webinars within this many days count. */
  webinarWindowDays: 365,
} as const;

export const TEST_TITLES = {
  "partner-deal-closure": "Partner deal closure",
  "tti-improvement": "TTI improvement over self-serve",
  "nps-and-webinars": "Partner NPS published; webinars generated qualified leads",
} as const;

const round = (x: number | null, digits = 1) => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits);
const minutes = (s: number | null) => (s === null ? "—" : Math.abs(s) >= 7200 ? `${round(s / 3600, 1)} h` : `${round(s / 60, 1)} min`);

/** Why a customer does or does not count for test 1 (null: it counts). */
export function closureGap(c: ClosedCustomer): string | null {
  if (c.netPaidCents <= 0) return "refunded in full";
  if (!c.crmOpportunityId) return "no CRM opportunity";
  if (c.crmSystem === "local" && c.crmPartnerId !== c.partnerId) return "CRM opportunity names another partner";
  return null;
}

/** Test 1: at least 3 partners closed paid work attributed to them, each proven by its CRM opportunity. */
export function evaluateDealClosure(customers: readonly ClosedCustomer[]): ExitTestResult {
  const base = { id: "partner-deal-closure" as const, number: 1 as const, title: TEST_TITLES["partner-deal-closure"] };
  const proven = customers.filter((c) => closureGap(c) === null);
  const partners = new Map<string, { name: string; customers: number }>();
  for (const c of proven) {
    const p = partners.get(c.partnerId) ?? { name: c.partnerName, customers: 0 };
    p.customers += 1;
    partners.set(c.partnerId, p);
  }
  const allPartners = new Set(customers.map((c) => c.partnerId)).size;
  const figures = {
    partners_with_proven_paid_work: partners.size,
    required_partners: EXIT_TEST_RULES.minPartners,
    proven_customers: proven.length,
    paid_attributed_customers: customers.length,
    partners_with_paid_customers: allPartners,
    customers_without_crm_proof: customers.filter((c) => closureGap(c) === "no CRM opportunity" || closureGap(c) === "CRM opportunity names another partner").length,
    customers_refunded_in_full: customers.filter((c) => closureGap(c) === "refunded in full").length,
  };
  const top = [...partners.values()].sort((a, b) => b.customers - a.customers).map((p) => `${p.name} (${p.customers})`);
  const summary = `${partners.size} partners with CRM-proven paid customers (need ≥ ${EXIT_TEST_RULES.minPartners}); ${proven.length} of ${customers.length} paid attributed customers proven${top.length ? `: ${top.slice(0, 5).join(", ")}` : ""}`;
  if (customers.length === 0) {
    return { ...base, status: "FAIL", summary, reasons: ["not enough data: no paid customers attributed to a partner (via tracking link, deal registration or partner id)"], figures };
  }
  if (partners.size < EXIT_TEST_RULES.minPartners) {
    const reasons = [`only ${partners.size} partner${partners.size === 1 ? "" : "s"} closed paid work with CRM attribution; ${EXIT_TEST_RULES.minPartners} needed`];
    if (figures.customers_without_crm_proof) reasons.push(`${figures.customers_without_crm_proof} paid customers have no CRM opportunity naming their partner`);
    return { ...base, status: "FAIL", summary, reasons, figures };
  }
  return { ...base, status: "PASS", summary, reasons: [], figures };
}

/** Test 2: partner-installed tenants reach a verified install faster than self-serve ones, significantly. */
export function evaluateTti(installs: readonly InstallTti[]): ExitTestResult {
  const base = { id: "tti-improvement" as const, number: 2 as const, title: TEST_TITLES["tti-improvement"] };
  const partner = installs.filter((i) => i.partnerId !== null).map((i) => i.ttiSeconds);
  const self = installs.filter((i) => i.partnerId === null).map((i) => i.ttiSeconds);
  const min = EXIT_TEST_RULES.minTtiSample;
  const p50P = percentile(partner, 0.5);
  const p95P = percentile(partner, 0.95);
  const p50S = percentile(self, 0.5);
  const p95S = percentile(self, 0.95);
  const figures: ExitTestResult["figures"] = {
    n_partner: partner.length,
    n_self_serve: self.length,
    p50_partner_s: round(p50P),
    p50_self_serve_s: round(p50S),
    p95_partner_s: round(p95P),
    p95_self_serve_s: round(p95S),
    p50_delta_s: p50P !== null && p50S !== null ? round(p50P - p50S) : null,
    p95_delta_s: p95P !== null && p95S !== null ? round(p95P - p95S) : null,
  };
  if (partner.length < min || self.length < min) {
    const missing = [partner.length < min ? `${partner.length} partner-installed` : null, self.length < min ? `${self.length} self-serve` : null].filter(Boolean).join(" and ");
    return {
      ...base,
      status: "FAIL",
      summary: `n = ${partner.length} partner-installed vs ${self.length} self-serve verified installs (need ≥ ${min} each)`,
      reasons: [`not enough data: ${missing} verified installs started in the last ${EXIT_TEST_RULES.ttiWindowDays} days (need ${min} in each group)`],
      figures,
    };
  }
  const mw = mannWhitneyU(partner, self);
  const boot = bootstrapMedianDiffCi(partner, self, { resamples: EXIT_TEST_RULES.bootstrapResamples, seed: EXIT_TEST_RULES.bootstrapSeed });
  Object.assign(figures, {
    mann_whitney_u: mw.u,
    mann_whitney_z: round(mw.z, 4),
    mann_whitney_p: mw.p,
    mann_whitney_method: mw.method,
    bootstrap_median_diff_s: round(boot.estimate),
    bootstrap_ci95_low_s: round(boot.lower),
    bootstrap_ci95_high_s: round(boot.upper),
    bootstrap_resamples: boot.resamples,
    bootstrap_seed: boot.seed,
  });
  const faster = p50P! < p50S!;
  const significant = mw.p < EXIT_TEST_RULES.alpha || (boot.excludesZero && boot.upper < 0);
  const pText = mw.p < 0.0001 ? mw.p.toExponential(2) : mw.p.toFixed(4);
  const summary = `p50 ${minutes(p50P)} vs ${minutes(p50S)} (Δ ${minutes(p50P! - p50S!)}), p95 ${minutes(p95P)} vs ${minutes(p95S)} (Δ ${minutes(p95P! - p95S!)}), n = ${partner.length} vs ${self.length}, Mann-Whitney p = ${pText}, bootstrap 95% CI of median Δ [${minutes(boot.lower)}, ${minutes(boot.upper)}]`;
  const reasons: string[] = [];
  if (!faster) reasons.push("partner-installed tenants are not faster at the median");
  if (!significant) reasons.push(`the difference is not significant (Mann-Whitney p = ${pText} ≥ ${EXIT_TEST_RULES.alpha} and the bootstrap interval includes 0)`);
  return { ...base, status: reasons.length ? "FAIL" : "PASS", summary, reasons, figures };
}

/** Test 3: partner NPS collected and published with methodology, and a partner webinar generated qualified leads. */
export function evaluateNpsAndWebinars(latest: PublishedNpsFacts | null, leads: WebinarLeads, now: Date): ExitTestResult {
  const base = { id: "nps-and-webinars" as const, number: 3 as const, title: TEST_TITLES["nps-and-webinars"] };
  const reasons: string[] = [];
  const ageDays = latest ? Math.floor((now.getTime() - Date.parse(latest.publishedAt)) / 86_400_000) : null;
  if (!latest) reasons.push("not enough data: no NPS quarter has been published");
  else {
    if (latest.partnerResponses < EXIT_TEST_RULES.minPartnerNpsResponses)
      reasons.push(`not enough data: ${latest.quarter} has ${latest.partnerResponses} partner NPS responses (need ${EXIT_TEST_RULES.minPartnerNpsResponses})`);
    if (!latest.hasMethodology) reasons.push(`${latest.quarter} was published without its methodology`);
    if (ageDays !== null && ageDays > EXIT_TEST_RULES.npsMaxAgeDays) reasons.push(`the latest publication (${latest.quarter}) is ${ageDays} days old`);
  }
  const leadRows = leads.available ? leads.rows.filter((r) => r.qualifiedLeads > 0) : [];
  const totalLeads = leadRows.reduce((s, r) => s + r.qualifiedLeads, 0);
  if (!leads.available) reasons.push(`not enough data: no webinar registrations (${leads.reason})`);
  else if (leads.rows.length === 0) reasons.push("not enough data: no webinar registrations");
  else if (leadRows.length === 0) reasons.push("no partner webinar generated a qualified lead");
  const figures = {
    nps_quarter: latest?.quarter ?? null,
    partner_nps: latest ? round(latest.partnerNps) : null,
    partner_nps_margin_of_error: latest ? round(latest.partnerMarginOfError) : null,
    partner_nps_responses: latest?.partnerResponses ?? 0,
    customer_nps_of_partners: latest ? round(latest.customerNps) : null,
    customer_nps_responses: latest?.customerResponses ?? 0,
    methodology_published: latest?.hasMethodology ?? false,
    webinar_source_available: leads.available,
    partners_with_qualified_webinar_leads: leadRows.length,
    qualified_webinar_leads: totalLeads,
  };
  const npsText = latest
    ? `NPS ${latest.quarter} published: partner NPS ${latest.partnerNps === null ? "—" : Math.round(latest.partnerNps)} ± ${latest.partnerMarginOfError === null ? "—" : Math.round(latest.partnerMarginOfError)} (n = ${latest.partnerResponses})`
    : "no NPS quarter published";
  const webinarText = leads.available ? `${totalLeads} qualified webinar leads from ${leadRows.length} partners` : "webinar leads not measured yet";
  return { ...base, status: reasons.length ? "FAIL" : "PASS", summary: `${npsText}; ${webinarText}`, reasons, figures };
}

export function evaluateAll(data: ExitTestData, now: Date): ExitTestResult[] {
  return [evaluateDealClosure(data.dealClosure.customers), evaluateTti(data.tti.installs), evaluateNpsAndWebinars(data.nps.latest, data.webinars.leads, now)];
}

/** "PASS 1 Partner deal closure: ..." — the command line's line per test. */
export function formatResultLine(r: ExitTestResult): string {
  return `${r.status} ${r.number} ${r.title}: ${r.summary}${r.reasons.length ? ` — ${r.reasons.join("; ")}` : ""}`;
}
