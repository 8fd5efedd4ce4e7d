// The exit tests' data (plain, as loaded from the database or a fixture) and
// their verdicts. Evaluators (evaluate.ts) are pure functions of these.

export type ExitTestId = "partner-deal-closure" | "tti-improvement" | "nps-and-webinars";
export type Verdict = "PASS" | "FAIL";

export interface ExitTestResult {
  id: ExitTestId;
  number: 1 | 2 | 3;
  title: string;
  status: Verdict;
  /** One line with the numbers behind the verdict. */
  summary: string;
  /** Why it failed (empty on PASS); "not enough data: ..." says what is missing. */
  reasons: string[];
  figures: Record<string, number | string | boolean | null>;
}

/** A customer attributed to a partner that paid, with the CRM record that should prove it. */
export interface ClosedCustomer {
  partnerId: string;
  partnerName: string;
  customerId: string;
  /** How the customer was attributed: tracking link ("click"), deal registration, or the partner id. */
  via: "click" | "deal" | "partner_id";
  paidAt: string;
  /** Paid minus refunded and disputed, over all the customer's invoices. */
  netPaidCents: number;
  currency: string;
  crmSystem: string | null;
  crmOpportunityId: string | null;
  /** For the app's own CRM: the partner on the opportunity (must be the same partner). */
  crmPartnerId: string | null;
  crmStage: string | null;
}

export interface InstallTti {
  installId: string;
  partnerId: string | null;
  stack: string;
  startedAt: string;
  verifiedAt: string;
  ttiSeconds: number;
}

export interface PublishedNpsFacts {
  quarter: string;
  publishedAt: string;
  partnerResponses: number;
  partnerNps: number | null;
  partnerMarginOfError: number | null;
  customerResponses: number;
  customerNps: number | null;
  hasMethodology: boolean;
}

export type WebinarLeads =
  | { available: false; reason: string }
  | { available: true; rows: { partnerId: string; partnerName: string; qualifiedLeads: number }[] };

export interface ExitTestData {
  generatedAt: string;
  dealClosure: { customers: ClosedCustomer[] };
  tti: { windowStart: string; windowEnd: string; installs: InstallTti[] };
  nps: { latest: PublishedNpsFacts | null; windowStart: string; windowEnd: string };
  webinars: { windowStart: string; windowEnd: string; leads: WebinarLeads };
}
