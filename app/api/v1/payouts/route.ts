import { withApi } from "@/lib/api/handler";
import { listOwnPayouts } from "@/lib/payouts/api";
import { payoutListQuerySchema } from "@/lib/payouts/schemas";

/** GET /api/v1/payouts — the partner's payouts, newest first. */
export const GET = withApi({ auth: "partner_key", scopes: ["payouts:read"], query: payoutListQuerySchema }, async ({ principal, query }) => listOwnPayouts(principal, query));
