import { created, withApi } from "@/lib/api/handler";
import { apiCreateEndpoint, apiListEndpoints } from "@/lib/webhooks/api";

/** GET /api/v1/webhooks/endpoints — the partner's endpoints (scope webhooks:read). */
export const GET = withApi({ auth: "key" }, async ({ principal, now }) => apiListEndpoints(principal, now));

/** POST /api/v1/webhooks/endpoints — add an endpoint; the signing secret is in this response only (scope webhooks:manage). */
export const POST = withApi({ auth: "key" }, async ({ req, principal, now }) => created(await apiCreateEndpoint(principal, req, now)));
