import { withApi } from "@/lib/api/handler";
import { apiListDeliveries } from "@/lib/webhooks/api";
import { deliveryListQuerySchema } from "@/lib/webhooks/schemas";

/** GET — the endpoint's deliveries, newest first (`status`, `page`, `pageSize`). */
export const GET = withApi<{ id: string }, undefined, typeof deliveryListQuerySchema>(
  { auth: "partner_key", scopes: ["webhooks:read"], query: deliveryListQuerySchema },
  async ({ principal, params, query }) => apiListDeliveries(principal, params.id, query),
);
