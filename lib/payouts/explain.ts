// Estimated vs actual, per month a commission was earned. Pure.
//
// For the commissions earned in a month (one currency):
//   estimated  = what they were worth when earned: the gross of subscription,
//                add-on and bounty commissions, plus mid-period plan changes
//                prorated the way Stripe prorates (credit the unused time of the
//                old price, charge the rest of the period at the new one);
//   refunds    = minus what refunds and chargebacks took back (reductions of
//                unpaid commissions, and clawbacks of paid ones);
//   holds      = minus what fraud holds keep back (held) or took (reversed);
//   actual     = paid + still to pay (pending in the hold period, or payable).
// The identity  estimated + refunds + holds = actual  holds for every month,
// because each commission is in exactly one state and amount = gross - refunded.
//
// Worked example: October earns a 14_970 subscription commission and a 10_000
// bounty (estimated 24_970) and a +10_000 upgrade proration (estimated 34_970);
// a refund takes 7_485 off the subscription one; nothing is held. Actual:
// 17_485 + 10_000 = 27_485 = 34_970 - 7_485.

export interface CommissionAggregate {
  month: string;
  kind: "subscription" | "add_on" | "bounty" | "proration" | "clawback";
  status: "pending" | "payable" | "held" | "paid" | "reversed";
  grossCents: number;
  refundedCents: number;
  amountCents: number;
}

export interface MonthReport {
  month: string;
  bySource: { subscriptions: number; addOns: number; bounties: number; proration: number; clawbacks: number };
  earnedCents: number;
  prorationCents: number;
  estimatedCents: number;
  refundsCents: number;
  holdsCents: number;
  paidCents: number;
  toPayCents: number;
  actualCents: number;
}

const empty = (month: string): MonthReport => ({
  month,
  bySource: { subscriptions: 0, addOns: 0, bounties: 0, proration: 0, clawbacks: 0 },
  earnedCents: 0,
  prorationCents: 0,
  estimatedCents: 0,
  refundsCents: 0,
  holdsCents: 0,
  paidCents: 0,
  toPayCents: 0,
  actualCents: 0,
});

/** Month-by-month report over `months` (every month listed appears, empty or not), oldest first. */
export function monthlyReport(rows: readonly CommissionAggregate[], months: readonly string[]): MonthReport[] {
  const byMonth = new Map(months.map((m) => [m, empty(m)]));
  for (const r of rows) {
    const m = byMonth.get(r.month);
    if (!m) continue;
    if (r.kind === "clawback") {
      m.refundsCents += r.amountCents;
      m.bySource.clawbacks += r.amountCents;
    } else if (r.kind === "proration") {
      m.prorationCents += r.grossCents;
      m.refundsCents -= r.refundedCents;
      m.bySource.proration += r.grossCents;
    } else {
      m.earnedCents += r.grossCents;
      m.refundsCents -= r.refundedCents;
      if (r.kind === "subscription") m.bySource.subscriptions += r.grossCents;
      else if (r.kind === "add_on") m.bySource.addOns += r.grossCents;
      else m.bySource.bounties += r.grossCents;
    }
    if (r.status === "held" || r.status === "reversed") m.holdsCents -= r.amountCents;
    else if (r.status === "paid") m.paidCents += r.amountCents;
    else m.toPayCents += r.amountCents;
  }
  for (const m of byMonth.values()) {
    m.estimatedCents = m.earnedCents + m.prorationCents;
    m.actualCents = m.paidCents + m.toPayCents;
  }
  return [...byMonth.values()];
}

/** The `count` months up to and including the one containing `now`, "YYYY-MM", oldest first (UTC). */
export function lastMonths(now: Date, count: number): string[] {
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    out.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`);
  }
  return out;
}
