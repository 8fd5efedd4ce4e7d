// Payout rules: which period a run pays, who may be paid, what a payout holds.
// Pure: plain data and `now` in, plain data out. All date math is in UTC.
//
// THE PERIOD RULE (net-30, monthly)
//   A run on date R pays the payable commissions earned up to the end of the
//   latest calendar month that ended at least 30 days before R. In formulas:
//       periodEnd(R) = first instant (UTC) of the month containing R - 30 days
//       period(R)    = the month just before periodEnd(R), as "YYYY-MM"
//   Everything earned before periodEnd(R) and not yet paid is included: older
//   months a partner was carried over from ride along with the new one.
//
//   Worked examples:
//     R = 2026-12-01 00:00  -> R - 30 d = 2026-11-01 -> pays October (earned < Nov 1)
//     R = 2026-11-30 23:59  -> R - 30 d = 2026-10-31 -> pays September: October
//                              ended on Nov 1, only 29 days before R
//     R = 2024-03-31 (leap) -> R - 30 d = 2024-03-01 -> pays February 2024
//     R = 2024-03-30 (leap) -> R - 30 d = 2024-02-29 -> pays January 2024
//   A commission is pending for 30 days after it is earned (lib/commissions/plans.ts),
//   so everything earned in the paid month has cleared its hold on R.
//   Running every day is safe: one payout per partner, period and currency
//   (a unique constraint), so only the first run after a month becomes due pays.
//
// THE MINIMUM
//   A payout is created only when the partner's unsettled balance in a currency
//   reaches PAYOUT_MINIMUMS[currency]; below it (or at or below zero, when
//   clawbacks exceed earnings) the balance is carried over to the next run.
//
// CURRENCY
//   No conversion: each currency a partner earned in is settled on its own
//   (one payout per partner, period and currency), the partner's own currency
//   first. Converting would change what the partner earned.

export const NET_DAYS = 30;
const DAY_MS = 86_400_000;

/** Minimum payout per currency, in minor units; below it the balance carries over. */
export const PAYOUT_MINIMUMS: Readonly<Record<string, number>> = { USD: 5_000, EUR: 5_000, GBP: 4_000 };
export const DEFAULT_MINIMUM = 5_000;

export function minimumFor(currency: string): number {
  return PAYOUT_MINIMUMS[currency] ?? DEFAULT_MINIMUM;
}

export const PAYOUT_TERMS_VERSION = "2026-11";

export interface PayoutPeriod {
  /** "YYYY-MM": the latest month covered. */
  period: string;
  /** First instant of that month. */
  periodStart: Date;
  /** First instant of the month after: commissions earned before it are covered. */
  periodEnd: Date;
}

function monthStart(year: number, monthIndex: number): Date {
  return new Date(Date.UTC(year, monthIndex, 1));
}

function label(d: Date): string {
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** The period a run at `runAt` pays (see the header). */
export function payoutPeriodFor(runAt: Date): PayoutPeriod {
  const cutoff = new Date(runAt.getTime() - NET_DAYS * DAY_MS);
  const periodEnd = monthStart(cutoff.getUTCFullYear(), cutoff.getUTCMonth());
  const periodStart = monthStart(periodEnd.getUTCFullYear(), periodEnd.getUTCMonth() - 1);
  return { period: label(periodStart), periodStart, periodEnd };
}

/** The period after `period` ("2026-10" -> November's). */
export function nextPeriod(p: PayoutPeriod): PayoutPeriod {
  const periodStart = p.periodEnd;
  const periodEnd = monthStart(periodStart.getUTCFullYear(), periodStart.getUTCMonth() + 1);
  return { period: label(periodStart), periodStart, periodEnd };
}

/** The first instant a run pays `p`: its end plus the net days. */
export function dueAt(p: PayoutPeriod): Date {
  return new Date(p.periodEnd.getTime() + NET_DAYS * DAY_MS);
}

/** "2026-10" -> "October 2026". */
export function periodLabel(period: string): string {
  const [y, m] = period.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, 1)).toLocaleDateString("en-US", { month: "long", year: "numeric", timeZone: "UTC" });
}

// ---------------------------------------------------------------------------
// Prerequisites: the program terms accepted and a verified tax form, and — when
// payouts go through Stripe — a connected account Stripe lets us pay.
// ---------------------------------------------------------------------------

export interface PayoutSettingsFacts {
  termsAcceptedAt: Date | null;
  taxFormStatus: "missing" | "submitted" | "verified";
  stripeAccountId: string | null;
  payoutsEnabled: boolean;
  /** The current Master Partner Agreement and Marketplace Terms are signed (lib/legal); absent = not checked. */
  agreementsSigned?: boolean;
}

export type Prerequisite = "terms" | "agreements" | "tax_form" | "stripe_account";

export const PREREQUISITE_LABELS: Record<Prerequisite, string> = {
  terms: "Accept the partner payout terms",
  agreements: "Sign the current Master Partner Agreement and Marketplace Terms",
  tax_form: "Submit a tax form (W-9 or W-8BEN) and have it verified",
  stripe_account: "Finish Stripe onboarding so payouts are enabled",
};

export function missingPrerequisites(s: PayoutSettingsFacts | null, mode: "stripe" | "manual"): Prerequisite[] {
  const missing: Prerequisite[] = [];
  if (!s?.termsAcceptedAt) missing.push("terms");
  if (s?.agreementsSigned === false) missing.push("agreements");
  if (s?.taxFormStatus !== "verified") missing.push("tax_form");
  if (mode === "stripe" && !(s?.stripeAccountId && s.payoutsEnabled)) missing.push("stripe_account");
  return missing;
}

/** No payout leaves without accepted terms and a verified tax form (and, with Stripe, an enabled account). */
export function hasPayoutPrerequisites(s: PayoutSettingsFacts | null, mode: "stripe" | "manual"): boolean {
  return missingPrerequisites(s, mode).length === 0;
}

// ---------------------------------------------------------------------------
// What a partner's payout for a period is.
// ---------------------------------------------------------------------------

export interface OpenEntry {
  id: string;
  amountCents: number;
  currency: string;
  effectiveAt: Date;
}

export type PayoutDecision =
  | { type: "pay"; currency: string; totalCents: number; entries: OpenEntry[]; status: "held" | "pending" | "manual"; reason: string | null }
  | { type: "carry"; currency: string; balanceCents: number; reason: "below_minimum" | "not_positive" | "nothing" };

/**
 * The payout of one currency: every open (unsettled) entry effective before
 * the period end, if their sum reaches the minimum. Held when a prerequisite
 * is missing (the payout is recorded, and waits), manual without Stripe.
 */
export function decidePayout(args: {
  currency: string;
  open: readonly OpenEntry[];
  periodEnd: Date;
  settings: PayoutSettingsFacts | null;
  mode: "stripe" | "manual";
}): PayoutDecision {
  const entries = args.open.filter((e) => e.currency === args.currency && e.effectiveAt.getTime() < args.periodEnd.getTime());
  const total = entries.reduce((s, e) => s + e.amountCents, 0);
  if (!entries.length) return { type: "carry", currency: args.currency, balanceCents: 0, reason: "nothing" };
  if (total <= 0) return { type: "carry", currency: args.currency, balanceCents: total, reason: "not_positive" };
  if (total < minimumFor(args.currency)) return { type: "carry", currency: args.currency, balanceCents: total, reason: "below_minimum" };
  const missing = missingPrerequisites(args.settings, args.mode);
  if (missing.length) return { type: "pay", currency: args.currency, totalCents: total, entries, status: "held", reason: missing.map((m) => PREREQUISITE_LABELS[m]).join("; ") };
  return { type: "pay", currency: args.currency, totalCents: total, entries, status: args.mode === "stripe" ? "pending" : "manual", reason: null };
}

// ---------------------------------------------------------------------------
// Payout states.
// ---------------------------------------------------------------------------

export const PAYOUT_STATUSES = ["held", "pending", "processing", "paid", "failed", "manual"] as const;
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number];

const TRANSITIONS: Record<PayoutStatus, readonly PayoutStatus[]> = {
  held: ["pending", "manual"],
  pending: ["processing", "held", "manual"],
  processing: ["paid", "failed", "processing"],
  failed: ["pending", "manual"],
  manual: ["paid"],
  paid: [],
};

export function canTransition(from: PayoutStatus, to: PayoutStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Stripe's idempotency key for an attempt: the same until a failure is recorded, so a crash mid-call never pays twice. */
export function transferIdempotencyKey(payoutId: string, attempts: number): string {
  return `payout-${payoutId}-attempt-${attempts + 1}`;
}
