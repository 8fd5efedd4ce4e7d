import type { ApiRouteDoc } from "@/lib/api/openapi";
import { CertificationSchema } from "./schemas";

// The certification routes of /api/v1.

export const certificationRoutes: ApiRouteDoc[] = [
  {
    method: "GET",
    path: "/api/v1/certification",
    tag: "Certification",
    summary: "Your certification status and requirement progress",
    description:
      "Status (uncertified, probation for the first 60 days, certified, recertifying in the last 30 days before expiry, expired), each requirement of your track with what is missing and what to do next, the thresholds the next tier still needs, and the performance badges currently earned. Evaluated live from your evidence; the nightly evaluation records status and tier changes.",
    auth: "partner_key",
    scopes: ["certification:read"],
    response: CertificationSchema,
  },
];
