import { created, withApi } from "@/lib/api/handler";
import { listOwnDeals, registerOwnDeal } from "@/lib/deals/api";
import { dealListQuerySchema, registerDealSchema } from "@/lib/deals/schemas";

/** GET /api/v1/deals — the partner's registered deals, newest first. */
export const GET = withApi({ auth: "partner_key", scopes: ["deals:read"], query: dealListQuerySchema }, async ({ principal, query }) =>
  listOwnDeals(principal, query),
);

/** POST /api/v1/deals — register an opportunity (protected for 60 days). */
export const POST = withApi({ auth: "partner_key", scopes: ["deals:write"], body: registerDealSchema }, async ({ principal, body, now }) =>
  created({ data: await registerOwnDeal(principal, body, now) }),
);
