// Commission rules: what a customer's billing facts earn its partner, and how
// the stored commissions move to match. Pure: plain data in, plain data out.
//
// WHAT IS EARNED (per customer, from its paid invoices, refunds and plan changes)
//   - subscription line:  applyBps(line amount, tier subscription rate)  while the
//     invoice is paid within 12 months of the customer's first payment;
//   - add-on line:        applyBps(line amount, tier add-on rate);
//   - bounty:             the product's fixed amount, once per customer and SKU,
//     on the first invoice that pays for it;
//   - plan change:        applyBps(net proration, subscription rate), where the
//     net proration is Stripe's: credit the unused time of the old price, charge
//     the remaining time of the new one, by the second (lib/money.ts). Invoice
//     lines marked as prorations are skipped, so a change is counted once;
//   - refunds and chargebacks on an invoice take back each of its commissions in
//     proportion: shareOf(gross, refunded, amount paid); a bounty only when the
//     invoice is refunded in full.
// Rounding: half to even, once per commission line (lib/money.ts).
//
// Worked example: a Premier partner (30%) brings a customer whose first invoice
// is 49_900 cents for provenance-pro: commission 14_970, bounty 10_000. A 10-day
// in a 30-day period upgrade from 49_900 to 99_900 nets +33_333 (credit -33_267,
// charge 66_600): commission applyBps(33_333, 3000) = 10_000 (9_999.9). A refund of
// 24_950 on the first invoice takes 7_485 off the 14_970.
//
// HOW STORED COMMISSIONS FOLLOW (reconcilePlan)
//   - a new line is inserted: pending until paid-at + 30 days, or held when a
//     fraud rule hits;
//   - an unpaid one (pending, payable, held) is reduced by its refund; reduced to
//     nothing, it is reversed;
//   - a paid one cannot change: the refund becomes a negative clawback line that
//     the next payout nets off.
// Since every target is computed from the facts alone, events applied in any
// order (a refund before its payment, a redelivery) reach the same state.

import { applyBps, prorationFor, shareOf } from "@/lib/money";
import type { Tier } from "@/lib/partners/constants";
import { COMMISSION_PLAN, productOf, rateFor } from "./plans";

export const COMMISSION_STATUSES = ["pending", "payable", "held", "paid", "reversed"] as const;
export type CommissionStatus = (typeof COMMISSION_STATUSES)[number];
export type CommissionKind = "subscription" | "add_on" | "bounty" | "proration" | "clawback";

const DAY_MS = 86_400_000;

export interface InvoiceFact {
  id: string;
  currency: string;
  amountPaid: number;
  paidAt: Date;
  lines: { id: string; sku: string; amount: number; proration: boolean }[];
}

export interface RefundFact {
  invoiceId: string;
  /** Refunds plus chargebacks on the invoice's charge, cumulative. */
  takenBackCents: number;
}

export interface PlanChangeFact {
  id: string;
  oldSku: string;
  newSku: string;
  oldAmount: number;
  newAmount: number;
  currency: string;
  periodStart: Date;
  periodEnd: Date;
  changeAt: Date;
}

export interface DesiredCommission {
  sourceKey: string;
  kind: Exclude<CommissionKind, "clawback">;
  invoiceId: string | null;
  sku: string;
  baseCents: number;
  rateBps: number | null;
  grossCents: number;
  /** What refunds take off it (0 <= |refund| <= |gross|, same sign as gross). */
  refundCents: number;
  currency: string;
  earnedAt: Date;
}

function addMonths(d: Date, months: number): Date {
  const r = new Date(d.getTime());
  r.setUTCMonth(r.getUTCMonth() + months);
  return r;
}

function withinTerm(at: Date, firstPaidAt: Date, months: number | null): boolean {
  return months === null || at.getTime() < addMonths(firstPaidAt, months).getTime();
}

export function holdUntilFor(earnedAt: Date): Date {
  return new Date(earnedAt.getTime() + COMMISSION_PLAN.holdDays * DAY_MS);
}

/** Every commission the facts earn, each with what refunds take back. */
export function desiredCommissions(args: {
  customerId: string;
  tier: Tier;
  invoices: readonly InvoiceFact[];
  refunds: readonly RefundFact[];
  planChanges: readonly PlanChangeFact[];
}): DesiredCommission[] {
  const invoices = [...args.invoices].sort((a, b) => a.paidAt.getTime() - b.paidAt.getTime() || a.id.localeCompare(b.id));
  const first = invoices[0]?.paidAt;
  if (!first) return [];
  const takenBack = new Map<string, number>();
  for (const r of args.refunds) takenBack.set(r.invoiceId, Math.max(takenBack.get(r.invoiceId) ?? 0, r.takenBackCents));
  const out: DesiredCommission[] = [];
  const bountied = new Set<string>();

  for (const inv of invoices) {
    const refunded = Math.min(takenBack.get(inv.id) ?? 0, inv.amountPaid);
    const fullyRefunded = inv.amountPaid > 0 && refunded >= inv.amountPaid;
    const refundOf = (gross: number) => (refunded > 0 && inv.amountPaid > 0 ? shareOf(gross, refunded, inv.amountPaid) : 0);
    for (const line of inv.lines) {
      const product = productOf(line.sku);
      if (!product || line.proration || line.amount === 0) continue;
      const term = product.kind === "subscription" ? COMMISSION_PLAN.subscriptionTermMonths : COMMISSION_PLAN.addOnTermMonths;
      if (!withinTerm(inv.paidAt, first, term)) continue;
      const rateBps = rateFor(product.kind, args.tier);
      const gross = applyBps(line.amount, rateBps);
      if (gross === 0) continue;
      out.push({
        sourceKey: `line:${inv.id}:${line.id}`,
        kind: product.kind,
        invoiceId: inv.id,
        sku: line.sku,
        baseCents: line.amount,
        rateBps,
        grossCents: gross,
        refundCents: refundOf(gross),
        currency: inv.currency,
        earnedAt: inv.paidAt,
      });
      const bounty = product.bounty?.[inv.currency];
      if (bounty && line.amount > 0 && !bountied.has(line.sku)) {
        bountied.add(line.sku);
        out.push({
          sourceKey: `bounty:${args.customerId}:${line.sku}`,
          kind: "bounty",
          invoiceId: inv.id,
          sku: line.sku,
          baseCents: line.amount,
          rateBps: null,
          grossCents: bounty,
          refundCents: fullyRefunded ? bounty : 0,
          currency: inv.currency,
          earnedAt: inv.paidAt,
        });
      }
    }
  }

  for (const change of args.planChanges) {
    const product = productOf(change.newSku) ?? productOf(change.oldSku);
    if (!product || product.kind !== "subscription") continue;
    if (change.changeAt.getTime() < first.getTime() || !withinTerm(change.changeAt, first, COMMISSION_PLAN.subscriptionTermMonths)) continue;
    const p = prorationFor(change);
    const rateBps = rateFor("subscription", args.tier);
    const gross = applyBps(p.net, rateBps);
    if (gross === 0) continue;
    out.push({
      sourceKey: `change:${change.id}`,
      kind: "proration",
      invoiceId: null,
      sku: change.newSku,
      baseCents: p.net,
      rateBps,
      grossCents: gross,
      refundCents: 0,
      currency: change.currency,
      earnedAt: change.changeAt,
    });
  }
  return out;
}

export interface ExistingCommission {
  id: string;
  sourceKey: string;
  kind: CommissionKind;
  status: CommissionStatus;
  grossCents: number;
  refundedCents: number;
  amountCents: number;
  reversesCommissionId: string | null;
  currency: string;
}

export type ReconcileAction =
  | { type: "insert"; line: DesiredCommission }
  | { type: "set_refund"; id: string; refundedCents: number; reverse: boolean; restore: boolean }
  | { type: "clawback_insert"; reversesId: string; sourceKey: string; amountCents: number; currency: string }
  | { type: "clawback_update"; id: string; amountCents: number };

/**
 * The changes that bring the stored commissions in line with the desired ones.
 * Existing rows keep their gross (rates are fixed when earned); only refunds move.
 */
export function reconcilePlan(existing: readonly ExistingCommission[], desired: readonly DesiredCommission[]): ReconcileAction[] {
  const byKey = new Map(existing.map((e) => [e.sourceKey, e]));
  const actions: ReconcileAction[] = [];
  for (const d of desired) {
    const row = byKey.get(d.sourceKey);
    if (!row) {
      actions.push({ type: "insert", line: d });
      continue;
    }
    // The same share of the stored gross (the rate may have been different when it was earned).
    const target = d.grossCents === row.grossCents ? d.refundCents : d.grossCents === 0 ? 0 : Math.round((d.refundCents / d.grossCents) * row.grossCents);
    if (row.status === "paid") {
      const clawbacks = existing.filter((e) => e.kind === "clawback" && e.reversesCommissionId === row.id);
      const taken = row.refundedCents - clawbacks.reduce((s, c) => s + c.amountCents, 0);
      const delta = target - taken;
      if (delta === 0) continue;
      const open = clawbacks.find((c) => c.status !== "paid" && c.status !== "reversed");
      if (open) actions.push({ type: "clawback_update", id: open.id, amountCents: open.amountCents - delta });
      else actions.push({ type: "clawback_insert", reversesId: row.id, sourceKey: `claw:${row.id}:${clawbacks.length + 1}`, amountCents: -delta, currency: row.currency });
      continue;
    }
    if (row.status === "reversed" && row.refundedCents !== row.grossCents) continue; // reversed by a fraud decision: final
    if (target !== row.refundedCents) {
      const reverse = target === row.grossCents;
      actions.push({ type: "set_refund", id: row.id, refundedCents: target, reverse, restore: row.status === "reversed" && !reverse });
    }
  }
  return actions;
}

// ---------------------------------------------------------------------------
// States: pending -> payable -> paid; held (fraud) -> cleared back or reversed.
// ---------------------------------------------------------------------------

const TRANSITIONS: Record<CommissionStatus, readonly CommissionStatus[]> = {
  pending: ["payable", "held", "reversed"],
  payable: ["paid", "held", "reversed", "pending"],
  held: ["pending", "payable", "reversed"],
  paid: [],
  reversed: ["pending", "payable"],
};

export function canTransition(from: CommissionStatus, to: CommissionStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Where a commission goes when it is not (or no longer) held: pending during the hold period, then payable. */
export function unheldStatus(holdUntil: Date, now: Date): "pending" | "payable" {
  return holdUntil.getTime() <= now.getTime() ? "payable" : "pending";
}

/** Only payable commissions can be paid: a hold (or a hold period) stops payment. */
export function canBePaid(status: CommissionStatus): boolean {
  return status === "payable";
}
