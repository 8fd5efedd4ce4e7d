import type { PartnerStatus, Tier } from "@/lib/partners/constants";
import { decideProgramFeature } from "@/lib/auth/permissions";
import { benefitsOf } from "@/lib/tiers/benefits";

// Market development funds: what a request may ask for and how much of the
// tier's yearly budget is left. Pure: plain data and `now` in, decisions out.
//
// Budget formula, per partner and budget year (the calendar year, UTC, of the
// activity's start date):
//
//   remaining = tier budget - sum(reserved of every request of that year)
//   reserved  = requested  while pending (a pending request holds its amount,
//                                         so approving it can never overspend)
//             = approved   while approved, partly approved or claim submitted
//             = reimbursed once reimbursed (an under-spend goes back to the budget)
//             = 0          when rejected or the claim is rejected
//
// Worked example (Advanced, $10,000.00 a year): a pending $4,000 request and an
// approved $3,000 one leave $3,000; a new $3,500 request is refused; the $4,000
// one partly approved at $2,500 frees $1,500, so $4,500 remains.

export const MDF_ACTIVITY_TYPES = ["webinar", "event", "trade_show", "digital_campaign", "content", "training", "other"] as const;
export type MdfActivityType = (typeof MDF_ACTIVITY_TYPES)[number];
export const MDF_ACTIVITY_LABELS: Record<MdfActivityType, string> = {
  webinar: "Webinar",
  event: "Event or meetup",
  trade_show: "Trade show",
  digital_campaign: "Digital campaign",
  content: "Content (case study, video)",
  training: "Customer training",
  other: "Other",
};

export const MDF_STATUSES = ["pending", "approved", "partly_approved", "rejected", "claim_submitted", "reimbursed", "claim_rejected"] as const;
export type MdfStatus = (typeof MDF_STATUSES)[number];
export const MDF_STATUS_LABELS: Record<MdfStatus, string> = {
  pending: "Pending review",
  approved: "Approved",
  partly_approved: "Partly approved",
  rejected: "Rejected",
  claim_submitted: "Claim submitted",
  reimbursed: "Reimbursed",
  claim_rejected: "Claim rejected",
};

/** The currency MDF budgets are set in (lib/tiers/benefits.ts: USD cents). */
export const MDF_CURRENCY = "USD";

/** Longest activity one request may cover. */
export const MDF_MAX_ACTIVITY_DAYS = 92;

export interface MdfAmounts {
  status: MdfStatus;
  requestedCents: number;
  approvedCents: number | null;
  reimbursedCents: number | null;
}

export function reservedCents(r: MdfAmounts): number {
  switch (r.status) {
    case "pending":
      return r.requestedCents;
    case "approved":
    case "partly_approved":
    case "claim_submitted":
      return r.approvedCents ?? 0;
    case "reimbursed":
      return r.reimbursedCents ?? 0;
    case "rejected":
    case "claim_rejected":
      return 0;
  }
}

export interface BudgetSummary {
  year: number;
  budgetCents: number;
  pendingCents: number;
  committedCents: number;
  reimbursedCents: number;
  remainingCents: number;
  currency: string;
}

export function budgetSummary(tier: Tier, year: number, requests: readonly MdfAmounts[]): BudgetSummary {
  const budgetCents = benefitsOf(tier).mdfEligible ? benefitsOf(tier).mdfYearlyBudgetCents : 0;
  let pending = 0;
  let committed = 0;
  let reimbursed = 0;
  for (const r of requests) {
    const cents = reservedCents(r);
    if (r.status === "pending") pending += cents;
    else if (r.status === "reimbursed") reimbursed += cents;
    else committed += cents;
  }
  // A tier downgrade can leave more reserved than the new budget: nothing remains then.
  const remainingCents = Math.max(0, budgetCents - pending - committed - reimbursed);
  return { year, budgetCents, pendingCents: pending, committedCents: committed, reimbursedCents: reimbursed, remainingCents, currency: MDF_CURRENCY };
}

/** "2026-03-01" -> its UTC midnight. */
export function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

export function budgetYearOf(startsOn: string): number {
  return dayStart(startsOn).getUTCFullYear();
}

export const todayOf = (now: Date) => now.toISOString().slice(0, 10);

export type RuleResult = { ok: true } | { ok: false; code: "forbidden" | "validation_failed" | "conflict"; message: string; field?: string };

export interface RequestCheck {
  partner: { tier: Tier; status: PartnerStatus };
  startsOn: string;
  endsOn: string;
  amountCents: number;
  /** Other requests of the same budget year (locked by the caller). */
  sameYear: readonly MdfAmounts[];
  now: Date;
}

/** May this request be made: eligible tier, sensible dates, within the remaining budget. */
export function evaluateMdfRequest(c: RequestCheck): RuleResult {
  const feature = decideProgramFeature(c.partner, "mdf");
  if (!feature.allowed) return { ok: false, code: "forbidden", message: feature.reason };
  if (c.startsOn < todayOf(c.now)) return { ok: false, code: "validation_failed", message: "The activity cannot start in the past", field: "startsOn" };
  if (c.endsOn < c.startsOn) return { ok: false, code: "validation_failed", message: "The activity must end on or after its start", field: "endsOn" };
  const days = (dayStart(c.endsOn).getTime() - dayStart(c.startsOn).getTime()) / 86_400_000 + 1;
  if (days > MDF_MAX_ACTIVITY_DAYS) {
    return { ok: false, code: "validation_failed", message: `One request covers at most ${MDF_MAX_ACTIVITY_DAYS} days of activity`, field: "endsOn" };
  }
  const summary = budgetSummary(c.partner.tier, budgetYearOf(c.startsOn), c.sameYear);
  if (c.amountCents > summary.remainingCents) {
    return {
      ok: false,
      code: "conflict",
      message: `Over budget: ${formatCents(summary.remainingCents)} of your ${summary.year} MDF budget remains`,
      field: "amount",
    };
  }
  return { ok: true };
}

export type MdfDecision = "approve" | "partly_approve" | "reject";

/** An admin's decision on a pending request: the new status and approved amount, or why not. */
export function decideRequest(
  r: { status: MdfStatus; requestedCents: number },
  d: { decision: MdfDecision; approvedCents?: number | null },
): { ok: true; status: MdfStatus; approvedCents: number | null } | { ok: false; code: "conflict" | "validation_failed"; message: string; field?: string } {
  if (r.status !== "pending") return { ok: false, code: "conflict", message: "This request was already decided" };
  if (d.decision === "reject") return { ok: true, status: "rejected", approvedCents: null };
  if (d.decision === "approve") return { ok: true, status: "approved", approvedCents: r.requestedCents };
  const amount = d.approvedCents ?? 0;
  if (!Number.isInteger(amount) || amount <= 0 || amount >= r.requestedCents) {
    return { ok: false, code: "validation_failed", message: `A partial approval is more than zero and less than the ${formatCents(r.requestedCents)} requested`, field: "approvedAmount" };
  }
  return { ok: true, status: "partly_approved", approvedCents: amount };
}

/** May the partner submit its claim now: an approved request whose activity has ended. */
export function evaluateClaim(r: { status: MdfStatus; endsOn: string; approvedCents: number | null }, claimedCents: number, now: Date): RuleResult {
  if (r.status !== "approved" && r.status !== "partly_approved") {
    return { ok: false, code: "conflict", message: r.status === "claim_submitted" ? "The claim was already submitted" : "Only approved requests can be claimed" };
  }
  if (todayOf(now) < r.endsOn) return { ok: false, code: "validation_failed", message: "Submit the claim after the activity has ended", field: "actualLeads" };
  if (claimedCents <= 0) return { ok: false, code: "validation_failed", message: "Enter the amount spent", field: "claimedAmount" };
  return { ok: true };
}

/** What a claim approval pays: the spend claimed, capped at the approved amount. */
export function reimbursableCents(r: { approvedCents: number | null; claimedCents: number | null }): number {
  return Math.min(r.approvedCents ?? 0, r.claimedCents ?? 0);
}

function formatCents(cents: number): string {
  return `$${(cents / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
