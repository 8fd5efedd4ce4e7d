import { z } from "zod";
import type { ApiRouteDoc } from "@/lib/api/openapi";
import { cursorQuerySchema } from "@/lib/api/pagination";
import { ConversionSchema, LinkSchema, conversionInputSchema, createLinkSchema } from "./schemas";

// The attribution routes of /api/v1: conversions and tracking links.

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
];
