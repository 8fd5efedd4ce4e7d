import { withApi } from "@/lib/api/handler";
import { apiListDeliveries } from "@/lib/webhooks/api";

/** GET — the endpoint's deliveries, newest first (`status`, `page`, `pageSize`). */
export const GET = withApi<{ id: string }>({ auth: "key" }, async ({ req, principal, params }) => apiListDeliveries(principal, params.id, req));
