// Payout timing as the program documents state it: the one place the terms
// read "monthly, net-30" and the minimum payout from. The payout run keeps the
// same figures for the money that actually moves (NET_DAYS and PAYOUT_MINIMUMS
// in lib/payouts/rules.ts); the two must be equal.

export const PAYOUT_TERMS = {
  /** One payout run per calendar month. */
  cadence: "monthly",
  /** A month's payable commissions are paid this many days after the month ends. */
  netDays: 30,
  /** Below this balance in a currency, the balance carries over to the next month (minor units). */
  minimumCents: { USD: 5_000, EUR: 5_000, GBP: 4_000 } as Readonly<Record<string, number>>,
} as const;
