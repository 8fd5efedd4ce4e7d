import { withApi } from "@/lib/api/handler";
import { cursorQuerySchema } from "@/lib/api/pagination";
import { getOwnActivity } from "@/lib/partners/api";

/** GET /api/v1/partner/activity — the partner's audit trail, newest first, cursor-paginated. */
export const GET = withApi({ auth: "partner_key", scopes: ["activity:read"], query: cursorQuerySchema }, async ({ principal, query }) =>
  getOwnActivity(principal, query),
);
