import { z } from "zod";
import { COMMISSION_STATUSES } from "./rules";

export const commissionListQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1, "At least 1").max(100, "At most 100").default(50),
  status: z.enum(COMMISSION_STATUSES).optional(),
});

const money = z.object({ amount: z.number().int(), currency: z.string() });

export const CommissionSchema = z
  .object({
    id: z.string(),
    kind: z.enum(["subscription", "add_on", "bounty", "proration", "clawback"]),
    status: z.enum(COMMISSION_STATUSES),
    customerId: z.string(),
    invoiceId: z.string().nullable(),
    sku: z.string().nullable(),
    base: money.describe("The revenue it was computed on"),
    rateBps: z.number().int().nullable(),
    gross: money.describe("As earned, before refunds"),
    amount: money.describe("What it is worth now: gross minus refunds"),
    earnedAt: z.string(),
    payableAt: z.string().describe("End of the hold period"),
    heldReasons: z.array(z.object({ rule: z.string(), detail: z.string() })),
    reversesCommissionId: z.string().nullable(),
    paidAt: z.string().nullable(),
  })
  .meta({ id: "Commission" });
