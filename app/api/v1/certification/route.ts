import { withApi } from "@/lib/api/handler";
import { getCertificationForApi } from "@/lib/certification/views";
import { forbidden } from "@/lib/errors";

/** GET /api/v1/certification — the calling partner's certification status and requirement progress. */
export const GET = withApi({ auth: "partner_key", scopes: ["certification:read"] }, async ({ principal, now }) => {
  if (principal?.kind !== "key" || !principal.key.partnerId) throw forbidden();
  return getCertificationForApi(principal, principal.key.partnerId, now);
});
