import { withApi } from "@/lib/api/handler";
import { apiSendTest } from "@/lib/webhooks/api";

/** POST — send a partner.test event to this endpoint now; the response holds the attempt's outcome. */
export const POST = withApi<{ id: string }>({ auth: "partner_key", scopes: ["webhooks:manage"] }, async ({ principal, params, now }) =>
  apiSendTest(principal, params.id, now),
);
