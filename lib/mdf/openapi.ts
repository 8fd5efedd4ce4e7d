import { z } from "zod";
import type { ApiRouteDoc } from "@/lib/api/openapi";
import { MdfBudgetSchema, MdfRequestSchema, createMdfRequestSchema, mdfListQuerySchema } from "./schemas";

// The MDF routes of /api/v1.

export const mdfRoutes: ApiRouteDoc[] = [
  {
    method: "GET",
    path: "/api/v1/mdf/requests",
    tag: "MDF",
    summary: "Your MDF requests and this year's budget",
    description: "Newest first. `budget` is the current year's: the tier's yearly budget, what pending and approved requests hold, what was reimbursed, and what remains.",
    auth: "partner_key",
    scopes: ["mdf:read"],
    query: mdfListQuerySchema,
    response: z.object({ data: z.array(MdfRequestSchema), budget: MdfBudgetSchema, nextCursor: z.string().nullable() }),
  },
  {
    method: "POST",
    path: "/api/v1/mdf/requests",
    tag: "MDF",
    summary: "Request market development funds",
    description:
      "For an activity (type, dates, amount in USD cents, expected leads). Advanced and Premier partners only (403 otherwise). The amount must fit what remains of the budget of the activity's start year (409 otherwise); a pending request holds its amount until an admin decides.",
    auth: "partner_key",
    scopes: ["mdf:write"],
    body: createMdfRequestSchema,
    response: z.object({ data: MdfRequestSchema, budget: MdfBudgetSchema }),
    status: 201,
    idempotent: true,
  },
];
