import { z } from "zod";
import type { ApiRouteDoc } from "@/lib/api/openapi";
import { DealSchema, dealListQuerySchema, registerDealSchema } from "./schemas";

// The deal registration routes of /api/v1.

export const dealRoutes: ApiRouteDoc[] = [
  {
    method: "GET",
    path: "/api/v1/deals",
    tag: "Deals",
    summary: "Your registered deals",
    auth: "partner_key",
    scopes: ["deals:read"],
    query: dealListQuerySchema,
    response: z.object({ data: z.array(DealSchema), nextCursor: z.string().nullable() }),
  },
  {
    method: "POST",
    path: "/api/v1/deals",
    tag: "Deals",
    summary: "Register an opportunity",
    description: "Protected for 60 days. If another partner already registered the domain, the registration goes to the program's conflict queue (inConflict=true); the first registration wins unless an admin decides otherwise.",
    auth: "partner_key",
    scopes: ["deals:write"],
    body: registerDealSchema,
    response: z.object({ data: DealSchema }),
    status: 201,
    idempotent: true,
  },
  {
    method: "GET",
    path: "/api/v1/deals/{id}",
    tag: "Deals",
    summary: "One registered deal",
    auth: "partner_key",
    scopes: ["deals:read"],
    response: z.object({ data: DealSchema }),
  },
];
