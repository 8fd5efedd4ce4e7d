import { withApi } from "@/lib/api/handler";
import { apiResend } from "@/lib/webhooks/api";

/** POST — send a delivery again now, with the same webhook-id. */
export const POST = withApi<{ id: string }>({ auth: "partner_key", scopes: ["webhooks:manage"] }, async ({ principal, params, now }) =>
  apiResend(principal, params.id, now),
);
