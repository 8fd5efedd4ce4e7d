import { z } from "zod";
import { PAYOUT_STATUSES } from "./rules";

export const taxFormSchema = z.object({
  formType: z.enum(["w9", "w8ben"], { message: "Choose W-9 (US persons) or W-8BEN (everyone else)" }),
  legalName: z.string().trim().min(2, "Enter the legal name on the form").max(200, "At most 200 characters"),
});

export const manualPaymentSchema = z.object({
  reference: z.string().trim().min(3, "Enter the bank or transfer reference").max(200, "At most 200 characters"),
});

export const adjustmentSchema = z.object({
  amountCents: z.coerce.number().int("Whole minor units").refine((v) => v !== 0, "Must not be zero"),
  currency: z.string().regex(/^[A-Z]{3}$/, "An ISO 4217 code like USD"),
  memo: z.string().trim().min(3, "Say why").max(300, "At most 300 characters"),
});

export const payoutListQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1, "At least 1").max(100, "At most 100").default(50),
  status: z.enum(PAYOUT_STATUSES).optional(),
});

const money = z.object({ amount: z.number().int(), currency: z.string() });

export const PayoutLineSchema = z
  .object({
    id: z.string(),
    ledgerEntryId: z.string(),
    kind: z.enum(["commission", "clawback", "adjustment", "mdf_reimbursement"]),
    amount: money,
    description: z.string(),
    effectiveAt: z.string(),
    commissionId: z.string().nullable(),
    sku: z.string().nullable(),
    customerId: z.string().nullable(),
  })
  .meta({ id: "PayoutLine" });

export const PayoutSchema = z
  .object({
    id: z.string(),
    period: z.string().describe('The latest month covered, "YYYY-MM" (UTC)'),
    periodEnd: z.string().describe("Commissions earned before this instant are included"),
    status: z.enum(PAYOUT_STATUSES),
    method: z.enum(["stripe", "manual"]),
    amount: money,
    lineCount: z.number().int(),
    statusReason: z.string().nullable(),
    reference: z.string().nullable().describe("Stripe transfer id or the manual payment reference"),
    createdAt: z.string(),
    paidAt: z.string().nullable(),
  })
  .meta({ id: "Payout" });

export const PayoutDetailSchema = PayoutSchema.extend({ lines: z.array(PayoutLineSchema) }).meta({ id: "PayoutDetail" });

export const adminPayoutFilterSchema = z.object({
  status: z.enum(PAYOUT_STATUSES).optional().catch(undefined),
  period: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).default(1).catch(1),
});

export const consolePayoutParams = z.object({ page: z.coerce.number().int().min(1).default(1).catch(1) });
