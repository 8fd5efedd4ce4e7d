import { z } from "zod";
import type { ApiRouteDoc } from "@/lib/api/openapi";
import { BadgeSchema } from "./schemas";

// The badge routes of /api/v1.

export const badgeRoutes: ApiRouteDoc[] = [
  {
    method: "GET",
    path: "/api/v1/badges",
    tag: "Badges",
    summary: "Your badges, with their live image and verification URLs",
    description:
      "Every badge your organisation holds or held, in its current state (active, probation, expired, revoked; a badge past its expiry reads expired). imageUrl takes ?size=sm|md|lg&theme=light|dark; link it to verifyUrl. assertionUrl serves the signed Open Badges-style assertion; the public key is at /.well-known/badge-issuer.json.",
    auth: "partner_key",
    scopes: ["badges:read"],
    response: z.object({ data: z.array(BadgeSchema) }),
  },
];
