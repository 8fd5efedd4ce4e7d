import { created, withApi } from "@/lib/api/handler";
import { createOwnMdfRequest, listOwnMdfRequests } from "@/lib/mdf/views";
import { createMdfRequestSchema, mdfListQuerySchema } from "@/lib/mdf/schemas";

/** GET /api/v1/mdf/requests — the partner's MDF requests, newest first, with this year's budget. */
export const GET = withApi({ auth: "partner_key", scopes: ["mdf:read"], query: mdfListQuerySchema }, async ({ principal, query, now }) =>
  listOwnMdfRequests(principal, query, now),
);

/** POST /api/v1/mdf/requests — request funds within the remaining budget. */
export const POST = withApi({ auth: "partner_key", scopes: ["mdf:write"], body: createMdfRequestSchema }, async ({ principal, body, now }) =>
  created(await createOwnMdfRequest(principal, body, now)),
);
