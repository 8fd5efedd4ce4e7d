import { stringify } from "csv-stringify/sync";
import { safeCell } from "@/lib/csv/csv";
import { buildPackage, type BuiltPackage } from "@/lib/evidence/package-builder";
import { EXIT_TEST_RULES } from "./evaluate";
import type { ExitTestData, ExitTestResult } from "./types";

// The exit tests' evidence package: the data each verdict was computed from
// (CSV and JSON), the computed figures, the methodology, and manifest.json with
// every file's SHA-256 and the generation time (lib/evidence/package-builder.ts).
// The files are stored with the run, so the zip can be rebuilt byte for byte
// and checked against what an executive signed.

export const PACKAGE_KIND = "exit-tests";

function csv(rows: Record<string, unknown>[], columns: string[]): string {
  return stringify(rows.map((r) => columns.map((c) => safeCell(r[c]))), { header: true, columns });
}

const json = (v: unknown) => JSON.stringify(v, null, 2) + "\n";

export function methodology(data: ExitTestData): string {
  const r = EXIT_TEST_RULES;
  return `# Exit tests: methodology

Generated ${data.generatedAt}. Every figure in results.json is recomputed from the
files in this package; manifest.json lists each file's SHA-256 (check with
\`sha256sum <file>\`).

## 1. Partner deal closure
Data: test-1-deal-closure/customers.csv — every customer attributed to a partner
(through the partner's tracking link, a deal registration, or the partner id sent
with the event) that reached a paid invoice, with its net paid amount (invoices
minus refunds and chargebacks) and the CRM opportunity recorded for it.
A customer counts when its net paid amount is above zero and it has a CRM
opportunity; with the app's own CRM the opportunity must name the same partner.
PASS when at least ${r.minPartners} partners have a counting customer.

## 2. TTI improvement
Data: test-2-tti/installs.csv — verified installs started between
${data.tti.windowStart} and ${data.tti.windowEnd} (new tenants), TTI = first
verified survival check − install start, in seconds. Partner-installed: an
install with a partner; self-serve control: installs without one.
Figures: p50 and p95 per group (linear interpolation, as PostgreSQL's
percentile_cont), their deltas (partner − self-serve), sample sizes, a two-sided
Mann-Whitney U test (average ranks for ties, tie-corrected variance, continuity
correction; exact distribution for samples of at most 20 without ties), and a
${r.bootstrapResamples}-resample percentile bootstrap 95% interval of the
difference of medians (seed ${r.bootstrapSeed}).
PASS when both groups have at least ${r.minTtiSample} installs, the partner median
is lower, and Mann-Whitney p < ${r.alpha} or the bootstrap interval lies below 0.

## 3. Partner NPS published; webinars generated qualified leads
Data: test-3-nps-webinars/nps-publication.json (the latest published quarter,
as frozen at publication, with its own methodology) and webinar-leads.json
(qualified leads per partner from webinars between ${data.webinars.windowStart}
and ${data.webinars.windowEnd}).
PASS when a quarter was published within the last ${r.npsMaxAgeDays} days with
at least ${r.minPartnerNpsResponses} partner answers and its methodology, and at
least one partner webinar generated a qualified lead. A data source that is not
available is a FAIL ("not enough data"), never a PASS.
`;
}

export function buildExitTestFiles(data: ExitTestData, results: ExitTestResult[], run: { id: string; passed: boolean }): Record<string, string> {
  const customers = data.dealClosure.customers;
  const installs = data.tti.installs;
  return {
    "README.md": methodology(data),
    "results.json": json({ run: run.id, generated_at: data.generatedAt, passed: run.passed, rules: EXIT_TEST_RULES, results }),
    "test-1-deal-closure/customers.csv": csv(
      customers.map((c) => ({ partner_id: c.partnerId, partner: c.partnerName, customer_id: c.customerId, via: c.via, paid_at: c.paidAt, net_paid_cents: c.netPaidCents, currency: c.currency, crm_system: c.crmSystem ?? "", crm_opportunity_id: c.crmOpportunityId ?? "", crm_partner_id: c.crmPartnerId ?? "", crm_stage: c.crmStage ?? "" })),
      ["partner_id", "partner", "customer_id", "via", "paid_at", "net_paid_cents", "currency", "crm_system", "crm_opportunity_id", "crm_partner_id", "crm_stage"],
    ),
    "test-1-deal-closure/customers.json": json(customers),
    "test-2-tti/installs.csv": csv(
      installs.map((i) => ({ install_id: i.installId, group: i.partnerId ? "partner" : "self_serve", partner_id: i.partnerId ?? "", stack: i.stack, started_at: i.startedAt, verified_at: i.verifiedAt, tti_seconds: i.ttiSeconds })),
      ["install_id", "group", "partner_id", "stack", "started_at", "verified_at", "tti_seconds"],
    ),
    "test-2-tti/installs.json": json(installs),
    "test-3-nps-webinars/nps-publication.json": json(data.nps),
    "test-3-nps-webinars/webinar-leads.json": json(data.webinars),
  };
}

export function packageOf(files: Record<string, string>, generatedAt: Date, runId: string): BuiltPackage {
  return buildPackage({
    kind: PACKAGE_KIND,
    generatedAt,
    subject: { run: runId },
    files: Object.entries(files).map(([path, content]) => ({ path, content })),
  });
}
