import { withApi } from "@/lib/api/handler";
import { getOwnPayout } from "@/lib/payouts/api";

/** GET /api/v1/payouts/{id} — one payout with its lines. */
export const GET = withApi<{ id: string }>({ auth: "partner_key", scopes: ["payouts:read"] }, async ({ principal, params }) => ({
  data: await getOwnPayout(principal, params.id),
}));
