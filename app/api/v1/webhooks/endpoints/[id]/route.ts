import { withApi } from "@/lib/api/handler";
import { apiDeleteEndpoint, apiGetEndpoint, apiUpdateEndpoint } from "@/lib/webhooks/api";
import { WEBHOOK_BODY_MAX_BYTES, endpointBodySchema } from "@/lib/webhooks/openapi";

type Params = { id: string };

export const GET = withApi<Params>({ auth: "partner_key", scopes: ["webhooks:read"] }, async ({ principal, params, now }) =>
  apiGetEndpoint(principal, params.id, now),
);
export const PATCH = withApi<Params, typeof endpointBodySchema>(
  { auth: "partner_key", scopes: ["webhooks:manage"], body: endpointBodySchema, maxBodyBytes: WEBHOOK_BODY_MAX_BYTES },
  async ({ principal, params, body, now }) => apiUpdateEndpoint(principal, params.id, body, now),
);
export const DELETE = withApi<Params>({ auth: "partner_key", scopes: ["webhooks:manage"] }, async ({ principal, params, now }) =>
  apiDeleteEndpoint(principal, params.id, now),
);
