import { z } from "zod";
import type { ApiRouteDoc } from "@/lib/api/openapi";
import { CommissionSchema, commissionListQuerySchema } from "./schemas";

// The commission routes of /api/v1.

export const commissionRoutes: ApiRouteDoc[] = [
  {
    method: "GET",
    path: "/api/v1/commissions",
    tag: "Commissions",
    summary: "Your commissions",
    description: "Pending during the 30-day hold, then payable; held when a fraud check needs review; paid; or reversed. Money is integer minor units.",
    auth: "partner_key",
    scopes: ["commissions:read"],
    query: commissionListQuerySchema,
    response: z.object({ data: z.array(CommissionSchema), nextCursor: z.string().nullable() }),
  },
];
