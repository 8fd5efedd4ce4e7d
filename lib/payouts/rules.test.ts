import { describe, expect, it } from "vitest";
import {
  canTransition,
  decidePayout,
  dueAt,
  hasPayoutPrerequisites,
  missingPrerequisites,
  nextPeriod,
  payoutPeriodFor,
  periodLabel,
  transferIdempotencyKey,
  type OpenEntry,
  type PayoutSettingsFacts,
} from "./rules";

const d = (iso: string) => new Date(iso);

describe("the period rule: the latest month that ended at least 30 days before the run", () => {
  it.each([
    // run at                      period     covers earned before
    ["2026-12-01T00:00:00.000Z", "2026-10", "2026-11-01T00:00:00.000Z"], // October ended exactly 30 days before
    ["2026-11-30T23:59:59.999Z", "2026-09", "2026-10-01T00:00:00.000Z"], // October ended 29 days 23:59 before
    ["2026-12-31T12:00:00.000Z", "2026-11", "2026-12-01T00:00:00.000Z"], // November ended 30.5 days before
    ["2027-01-01T00:00:00.000Z", "2026-11", "2026-12-01T00:00:00.000Z"], // year boundary
    ["2027-01-30T23:59:59.000Z", "2026-11", "2026-12-01T00:00:00.000Z"], // December ended 29.99 days before
    ["2027-01-31T00:00:00.000Z", "2026-12", "2027-01-01T00:00:00.000Z"], // December ended exactly 30 days before
    ["2024-03-31T00:00:00.000Z", "2024-02", "2024-03-01T00:00:00.000Z"], // leap year: Feb 29 exists, Mar 31 - 30 d = Mar 1
    ["2024-03-30T23:59:59.999Z", "2024-01", "2024-02-01T00:00:00.000Z"], // leap year: Mar 30 - 30 d = Feb 29
    ["2025-03-30T23:59:59.999Z", "2025-01", "2025-02-01T00:00:00.000Z"], // non-leap: Mar 30 - 30 d = Feb 28
    ["2025-03-31T00:00:00.000Z", "2025-02", "2025-03-01T00:00:00.000Z"],
    ["2024-02-29T12:00:00.000Z", "2023-12", "2024-01-01T00:00:00.000Z"], // on the leap day itself
  ])("a run at %s pays %s (earned before %s)", (runAt, period, periodEnd) => {
    const p = payoutPeriodFor(d(runAt));
    expect(p.period).toBe(period);
    expect(p.periodEnd.toISOString()).toBe(periodEnd);
  });

  it("is computed in UTC whatever the local time zone of the input", () => {
    // 00:30 on December 1 in Paris is still November 30 in UTC; 20:00 on November 30 in New York is already December 1.
    expect(payoutPeriodFor(d("2026-12-01T00:30:00+01:00")).period).toBe("2026-09");
    expect(payoutPeriodFor(d("2026-11-30T20:00:00-05:00")).period).toBe("2026-10");
  });

  it("the due date of a period is its end plus 30 days, and the run on it pays that period", () => {
    for (const runAt of ["2026-05-17T08:00:00Z", "2024-02-29T00:00:00Z", "2026-12-31T23:59:59Z"]) {
      const p = payoutPeriodFor(d(runAt));
      expect(payoutPeriodFor(dueAt(p)).period).toBe(p.period);
      expect(payoutPeriodFor(new Date(dueAt(p).getTime() - 1)).period).not.toBe(p.period);
      const n = nextPeriod(p);
      expect(n.periodStart.getTime()).toBe(p.periodEnd.getTime());
      expect(payoutPeriodFor(dueAt(n)).period).toBe(n.period);
    }
  });

  it("labels periods in words", () => {
    expect(periodLabel("2024-02")).toBe("February 2024");
  });
});

const ready: PayoutSettingsFacts = { termsAcceptedAt: d("2026-01-01T00:00:00Z"), taxFormStatus: "verified", stripeAccountId: "acct_1", payoutsEnabled: true };

describe("payout prerequisites", () => {
  it("need accepted terms and a verified tax form", () => {
    expect(hasPayoutPrerequisites(ready, "manual")).toBe(true);
    expect(missingPrerequisites(null, "manual")).toEqual(["terms", "tax_form"]);
    expect(missingPrerequisites({ ...ready, termsAcceptedAt: null }, "manual")).toEqual(["terms"]);
    expect(missingPrerequisites({ ...ready, agreementsSigned: false }, "manual")).toEqual(["agreements"]);
    expect(missingPrerequisites({ ...ready, agreementsSigned: true }, "manual")).toEqual([]);
    expect(missingPrerequisites({ ...ready, taxFormStatus: "submitted" }, "manual")).toEqual(["tax_form"]);
    expect(missingPrerequisites({ ...ready, taxFormStatus: "missing" }, "manual")).toEqual(["tax_form"]);
  });

  it("with Stripe, also a connected account with payouts enabled", () => {
    expect(hasPayoutPrerequisites(ready, "stripe")).toBe(true);
    expect(missingPrerequisites({ ...ready, payoutsEnabled: false }, "stripe")).toEqual(["stripe_account"]);
    expect(missingPrerequisites({ ...ready, stripeAccountId: null }, "stripe")).toEqual(["stripe_account"]);
    expect(missingPrerequisites({ ...ready, stripeAccountId: null, payoutsEnabled: false }, "manual")).toEqual([]);
  });
});

describe("decidePayout", () => {
  const end = d("2026-11-01T00:00:00Z");
  const e = (id: string, amountCents: number, at = "2026-10-15T00:00:00Z", currency = "USD"): OpenEntry => ({ id, amountCents, currency, effectiveAt: d(at) });

  it("pays every open entry before the period end once the sum reaches the minimum", () => {
    const r = decidePayout({ currency: "USD", open: [e("a", 3_000), e("b", 2_000), e("late", 9_999, "2026-11-01T00:00:00Z")], periodEnd: end, settings: ready, mode: "manual" });
    expect(r).toMatchObject({ type: "pay", totalCents: 5_000, status: "manual" });
    expect(r.type === "pay" && r.entries.map((x) => x.id)).toEqual(["a", "b"]);
  });

  it("carries a balance below the minimum (exactly one cent short)", () => {
    expect(decidePayout({ currency: "USD", open: [e("a", 4_999)], periodEnd: end, settings: ready, mode: "manual" })).toEqual({ type: "carry", currency: "USD", balanceCents: 4_999, reason: "below_minimum" });
  });

  it("nets clawbacks, and carries a negative balance", () => {
    expect(decidePayout({ currency: "USD", open: [e("a", 6_000), e("claw", -1_500)], periodEnd: end, settings: ready, mode: "stripe" })).toMatchObject({ type: "carry", reason: "below_minimum", balanceCents: 4_500 });
    expect(decidePayout({ currency: "USD", open: [e("a", 1_000), e("claw", -3_000)], periodEnd: end, settings: ready, mode: "stripe" })).toMatchObject({ type: "carry", reason: "not_positive", balanceCents: -2_000 });
    expect(decidePayout({ currency: "USD", open: [e("a", 9_000), e("claw", -3_000)], periodEnd: end, settings: ready, mode: "stripe" })).toMatchObject({ type: "pay", totalCents: 6_000, status: "pending" });
  });

  it("settles one currency at a time, with its own minimum", () => {
    const open = [e("usd", 6_000), e("gbp", 4_000, undefined, "GBP"), e("eur", 4_000, undefined, "EUR")];
    expect(decidePayout({ currency: "GBP", open, periodEnd: end, settings: ready, mode: "manual" })).toMatchObject({ type: "pay", totalCents: 4_000 });
    expect(decidePayout({ currency: "EUR", open, periodEnd: end, settings: ready, mode: "manual" })).toMatchObject({ type: "carry", reason: "below_minimum" });
  });

  it("holds the payout, with the reason, when a prerequisite is missing", () => {
    const r = decidePayout({ currency: "USD", open: [e("a", 8_000)], periodEnd: end, settings: { ...ready, taxFormStatus: "missing" }, mode: "manual" });
    expect(r).toMatchObject({ type: "pay", status: "held" });
    expect(r.type === "pay" && r.reason).toMatch(/tax form/);
  });
});

describe("payout states and idempotency keys", () => {
  it("a paid payout never changes; a failed one can be retried or paid by hand", () => {
    expect(canTransition("paid", "failed")).toBe(false);
    expect(canTransition("failed", "pending")).toBe(true);
    expect(canTransition("failed", "manual")).toBe(true);
    expect(canTransition("held", "paid")).toBe(false);
  });

  it("the key is derived from the payout and changes only after a recorded failure", () => {
    expect(transferIdempotencyKey("po_abc", 0)).toBe("payout-po_abc-attempt-1");
    expect(transferIdempotencyKey("po_abc", 0)).toBe(transferIdempotencyKey("po_abc", 0));
    expect(transferIdempotencyKey("po_abc", 1)).not.toBe(transferIdempotencyKey("po_abc", 0));
  });
});
