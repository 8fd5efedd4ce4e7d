import { z } from "zod";
import type { ApiRouteDoc } from "@/lib/api/openapi";
import { cursorQuerySchema } from "@/lib/api/pagination";
import { CommissionSchema, commissionListQuerySchema } from "@/lib/commissions/schemas";
import { DealSchema, dealListQuerySchema, registerDealSchema } from "@/lib/deals/schemas";
import { ConversionSchema, LinkSchema, conversionInputSchema, createLinkSchema } from "./schemas";

// The attribution, deals and commissions routes of /api/v1.

export const attributionRoutes: ApiRouteDoc[] = [
  {
    method: "POST",
    path: "/api/v1/conversions",
    tag: "Attribution",
    summary: "Report a signup, pilot or paid event",
    description:
      "The platform reports each customer event. It is matched to a partner within 60 days by one rule: the customer's existing partner, else an open deal registration for its domain, else the click id (pp_ref cookie / pp_click), else the partner id (pp_partner). Events nobody matches are stored as unmatched and matched later. A paid event earns commissions. 201 when recorded, 200 with duplicate=true when eventId was seen before.",
    auth: "platform_key",
    scopes: ["platform:write"],
    body: conversionInputSchema,
    response: z.object({ data: ConversionSchema }),
    status: 201,
    idempotent: true,
  },
  {
    method: "GET",
    path: "/api/v1/links",
    tag: "Links",
    summary: "Your tracking links, with click counts",
    description: "Cursor pagination: pass nextCursor as cursor to get the next page.",
    auth: "partner_key",
    scopes: ["links:read"],
    query: cursorQuerySchema,
    response: z.object({ data: z.array(LinkSchema), nextCursor: z.string().nullable() }),
  },
  {
    method: "POST",
    path: "/api/v1/links",
    tag: "Links",
    summary: "Create a tracking link",
    description: "The destination must be one of the program's own sites. /r/<code> redirects there with utm_source=partner, utm_medium=referral, utm_campaign and your partner id.",
    auth: "partner_key",
    scopes: ["links:write"],
    body: createLinkSchema,
    response: z.object({ data: LinkSchema }),
    status: 201,
    idempotent: true,
  },
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
