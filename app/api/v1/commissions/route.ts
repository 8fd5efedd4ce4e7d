import { withApi } from "@/lib/api/handler";
import { listOwnCommissions } from "@/lib/commissions/api";
import { commissionListQuerySchema } from "@/lib/commissions/schemas";

/** GET /api/v1/commissions — the partner's commissions, newest first. */
export const GET = withApi({ auth: "partner_key", scopes: ["commissions:read"], query: commissionListQuerySchema }, async ({ principal, query }) =>
  listOwnCommissions(principal, query),
);
