import type { PayoutStatus } from "./rules";

export const PAYOUT_STATUS_LABELS: Record<PayoutStatus, string> = {
  held: "Held",
  pending: "Pending",
  processing: "Sending",
  paid: "Paid",
  failed: "Failed",
  manual: "Awaiting manual payment",
};

export const PAYOUT_STATUS_HELP: Record<PayoutStatus, string> = {
  held: "Waiting for the payout prerequisites (terms, tax form, Stripe account)",
  pending: "Will be sent by Stripe shortly",
  processing: "Being sent through Stripe",
  paid: "Paid out",
  failed: "Sending failed; the program team retries once the cause is fixed",
  manual: "Paid by bank transfer by the program team",
};

export const TAX_STATUS_LABELS = { missing: "Missing", submitted: "Submitted, awaiting verification", verified: "Verified" } as const;
export const TAX_FORM_LABELS = { w9: "W-9 (US persons)", w8ben: "W-8BEN (non-US)" } as const;

export const LEDGER_KIND_LABELS = {
  commission: "Commission",
  clawback: "Clawback",
  adjustment: "Adjustment",
  payout: "Payout",
  mdf_reimbursement: "MDF reimbursement",
} as const;
