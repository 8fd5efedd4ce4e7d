import { z } from "zod";
import type { ApiRouteDoc } from "@/lib/api/openapi";
import { PayoutDetailSchema, PayoutSchema, payoutListQuerySchema } from "./schemas";

// The payout routes of /api/v1.

export const payoutRoutes: ApiRouteDoc[] = [
  {
    method: "GET",
    path: "/api/v1/payouts",
    tag: "Payouts",
    summary: "Your payouts",
    description:
      "Monthly, net-30: a run on date R pays what was earned up to the end of the latest calendar month that ended at least 30 days before R, above a minimum per currency (carried over below it). Held while terms or the tax form are missing; manual when paid by bank transfer. Newest first.",
    auth: "partner_key",
    scopes: ["payouts:read"],
    query: payoutListQuerySchema,
    response: z.object({ data: z.array(PayoutSchema), nextCursor: z.string().nullable() }),
  },
  {
    method: "GET",
    path: "/api/v1/payouts/{id}",
    tag: "Payouts",
    summary: "One payout with its lines",
    description: "Each line is a ledger entry the payout settles (a commission, a clawback, an adjustment or an MDF reimbursement); the lines sum to the payout's amount.",
    auth: "partner_key",
    scopes: ["payouts:read"],
    response: z.object({ data: PayoutDetailSchema }),
  },
];
