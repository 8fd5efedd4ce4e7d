import { withApi } from "@/lib/api/handler";
import { listOwnBadges } from "@/lib/badges/api";

/** GET /api/v1/badges — the partner's badges with image and verification URLs. */
export const GET = withApi({ auth: "partner_key", scopes: ["badges:read"] }, async ({ principal, now }) => listOwnBadges(principal, now));
