import type { CommissionKind, CommissionStatus } from "./rules";

export const COMMISSION_STATUS_LABELS: Record<CommissionStatus, string> = {
  pending: "Pending",
  payable: "Payable",
  held: "Held for review",
  paid: "Paid",
  reversed: "Reversed",
};

export const COMMISSION_STATUS_HINTS: Record<CommissionStatus, string> = {
  pending: "In the 30-day hold period, so refunds can land",
  payable: "Will be included in the next payout",
  held: "A fraud check needs an admin's review",
  paid: "Included in a payout",
  reversed: "Refunded, charged back or rejected: the amount shown was taken back",
};

export const COMMISSION_STATUS_TONES: Record<CommissionStatus, "amber" | "green" | "red" | "blue" | "gray"> = {
  pending: "amber",
  payable: "green",
  held: "red",
  paid: "blue",
  reversed: "gray",
};

export const COMMISSION_KIND_LABELS: Record<CommissionKind, string> = {
  subscription: "Subscription",
  add_on: "Add-on",
  bounty: "Bounty",
  proration: "Plan change",
  clawback: "Clawback",
};
