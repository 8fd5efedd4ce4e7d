import { created, withApi } from "@/lib/api/handler";
import { apiCreateEndpoint, apiListEndpoints } from "@/lib/webhooks/api";
import { WEBHOOK_BODY_MAX_BYTES, endpointBodySchema } from "@/lib/webhooks/openapi";

/** GET /api/v1/webhooks/endpoints — the partner's endpoints. */
export const GET = withApi({ auth: "partner_key", scopes: ["webhooks:read"] }, async ({ principal, now }) => apiListEndpoints(principal, now));

/** POST /api/v1/webhooks/endpoints — add an endpoint; the signing secret is in this response only. */
export const POST = withApi(
  { auth: "partner_key", scopes: ["webhooks:manage"], body: endpointBodySchema, maxBodyBytes: WEBHOOK_BODY_MAX_BYTES },
  async ({ principal, body, now }) => created(await apiCreateEndpoint(principal, body, now)),
);
