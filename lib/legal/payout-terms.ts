import { NET_DAYS, PAYOUT_MINIMUMS } from "@/lib/payouts/rules";

// Payout timing as the program documents state it: the terms read "monthly,
// net-30" and the minimum payout from here, and here reads the figures the
// payout run uses (lib/payouts/rules.ts), so the two cannot disagree.

export const PAYOUT_TERMS = {
  /** One payout run per calendar month. */
  cadence: "monthly",
  /** A month's payable commissions are paid this many days after the month ends. */
  netDays: NET_DAYS,
  /** Below this balance in a currency, the balance carries over to the next month (minor units). */
  minimumCents: PAYOUT_MINIMUMS,
} as const;
