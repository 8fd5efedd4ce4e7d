// Money: integer minor units (cents) with an ISO 4217 currency, rates in basis
// points (1 bp = 0.01%, 10_000 bp = 100%). Every fraction of a cent in the app
// is rounded here, by one rule:
//
//   ROUND HALF TO EVEN ("banker's rounding"): an exact half goes to the even
//   neighbour, everything else to the nearest cent. It is symmetric (the
//   clawback of -x is exactly minus the commission on x) and unbiased over many
//   lines (halves go up as often as down), so a ledger of thousands of
//   commissions does not drift.
//
// Worked example: a 25% (2500 bp) commission on a 10_002-cent invoice is
// 2500.5 cents -> 2500 (2500 is even); on 10_006 cents it is 2501.5 -> 2502;
// on 10_003 cents it is 2500.75 -> 2501. A refund of the whole 10_002 cents
// claws back applyBps(-10_002, 2500) = -2500, exactly the commission.
//
// Arithmetic is done in BigInt, so amounts up to Number.MAX_SAFE_INTEGER times
// any rate never lose precision; results are checked back into safe integers.

export const BPS_DENOMINATOR = 10_000;

function assertCents(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be an integer number of minor units, got ${value}`);
}

function toSafeNumber(value: bigint, what: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} is out of range`);
  return n;
}

/** numerator / denominator rounded half to even (denominator > 0). */
export function divRoundHalfEven(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError("denominator must be positive");
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  let quotient = abs / denominator;
  const twice = (abs % denominator) * 2n;
  if (twice > denominator || (twice === denominator && quotient % 2n === 1n)) quotient += 1n;
  return negative ? -quotient : quotient;
}

/** `cents` x `bps` / 10_000, rounded half to even. Works for negative amounts (clawbacks). */
export function applyBps(cents: number, bps: number): number {
  assertCents(cents, "cents");
  if (!Number.isInteger(bps) || bps < 0 || bps > BPS_DENOMINATOR) throw new RangeError(`bps must be an integer from 0 to 10000, got ${bps}`);
  return toSafeNumber(divRoundHalfEven(BigInt(cents) * BigInt(bps), BigInt(BPS_DENOMINATOR)), "applyBps");
}

/** `cents` x part / whole, rounded half to even: a proportional share (partial refunds). */
export function shareOf(cents: number, part: number, whole: number): number {
  assertCents(cents, "cents");
  assertCents(part, "part");
  assertCents(whole, "whole");
  if (whole <= 0) throw new RangeError("whole must be positive");
  return toSafeNumber(divRoundHalfEven(BigInt(cents) * BigInt(part), BigInt(whole)), "shareOf");
}

// ---------------------------------------------------------------------------
// Proration, as Stripe does it on a mid-period plan change: the customer is
// credited the unused time of the old price and charged the remaining time of
// the new price, both measured in whole seconds of the billing period.
//
// Worked example: a 30-day period (2_592_000 s) at 3000 cents, changed to
// 6000 cents after exactly 10 days: 20 days (1_728_000 s) remain, so the
// credit is -3000 x 1_728_000 / 2_592_000 = -2000 and the charge is
// 6000 x 1_728_000 / 2_592_000 = 4000; the net proration is +2000 cents.
// ---------------------------------------------------------------------------

export interface ProrationInput {
  /** Price of the old plan for one full period, minor units. */
  oldAmount: number;
  /** Price of the new plan for one full period, minor units. */
  newAmount: number;
  periodStart: Date;
  periodEnd: Date;
  /** When the change takes effect (Stripe's proration_date). */
  changeAt: Date;
}

export interface Proration {
  /** Negative: the unused time of the old price, given back. */
  credit: number;
  /** Positive: the remaining time of the new price. */
  charge: number;
  /** credit + charge: positive for an upgrade, negative for a downgrade. */
  net: number;
  remainingSeconds: number;
  periodSeconds: number;
}

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

/** The part of `amount` for `remainingSeconds` of a `periodSeconds` period, rounded half to even. */
export function prorate(amount: number, remainingSeconds: number, periodSeconds: number): number {
  return shareOf(amount, remainingSeconds, periodSeconds);
}

export function prorationFor(input: ProrationInput): Proration {
  const start = seconds(input.periodStart);
  const end = seconds(input.periodEnd);
  if (end <= start) throw new RangeError("periodEnd must be after periodStart");
  const at = Math.min(Math.max(seconds(input.changeAt), start), end);
  const periodSeconds = end - start;
  const remainingSeconds = end - at;
  const credit = -prorate(input.oldAmount, remainingSeconds, periodSeconds);
  const charge = prorate(input.newAmount, remainingSeconds, periodSeconds);
  // `credit` of zero must not be -0.
  return { credit: credit === 0 ? 0 : credit, charge, net: credit + charge, remainingSeconds, periodSeconds };
}

// ---------------------------------------------------------------------------
// Formatting, only at the edges (screens, emails, CSV).
// ---------------------------------------------------------------------------

const formatters = new Map<string, Intl.NumberFormat>();

/** "$1,234.56" for (123456, "USD"). */
export function formatMoney(cents: number, currency: string): string {
  let f = formatters.get(currency);
  if (!f) {
    f = new Intl.NumberFormat("en-US", { style: "currency", currency });
    formatters.set(currency, f);
  }
  const digits = f.resolvedOptions().maximumFractionDigits ?? 2;
  return f.format(cents / 10 ** digits);
}

/** Decimal places of a currency's minor unit: 2 for USD, 0 for JPY. */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat("en-US", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Whole currency units to minor units (form inputs): 12.34 -> 1234. */
export function toMinorUnits(amount: number, currency = "USD"): number {
  return Math.round(amount * 10 ** minorDigits(currency));
}

/**
 * A typed amount ("-25", "1250.5") in minor units, or null when it is not a
 * number or has more decimals than the currency allows (no silent rounding).
 */
export function parseMinorUnits(text: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const pattern = digits > 0 ? new RegExp(`^-?\\d{1,12}(\\.\\d{1,${digits}})?$`) : /^-?\d{1,12}$/;
  const t = text.trim().replace(/,/g, "");
  return pattern.test(t) ? toMinorUnits(Number(t), currency) : null;
}
