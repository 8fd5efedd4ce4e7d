import { withApi } from "@/lib/api/handler";
import { apiDeleteEndpoint, apiGetEndpoint, apiUpdateEndpoint } from "@/lib/webhooks/api";

type Params = { id: string };

export const GET = withApi<Params>({ auth: "key" }, async ({ principal, params, now }) => apiGetEndpoint(principal, params.id, now));
export const PATCH = withApi<Params>({ auth: "key" }, async ({ req, principal, params, now }) => apiUpdateEndpoint(principal, params.id, req, now));
export const DELETE = withApi<Params>({ auth: "key" }, async ({ principal, params, now }) => apiDeleteEndpoint(principal, params.id, now));
