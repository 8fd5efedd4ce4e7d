import { withApi } from "@/lib/api/handler";
import { getOwnDeal } from "@/lib/deals/api";

/** GET /api/v1/deals/{id} — one registered deal. */
export const GET = withApi<{ id: string }>({ auth: "partner_key", scopes: ["deals:read"] }, async ({ principal, params }) => ({
  data: await getOwnDeal(principal, params.id),
}));
