import { created, withApi } from "@/lib/api/handler";
import { cursorQuerySchema } from "@/lib/api/pagination";
import { createOwnLink, listOwnLinks } from "@/lib/attribution/api";
import { createLinkSchema } from "@/lib/attribution/schemas";

/** GET /api/v1/links — the partner's tracking links with click counts. */
export const GET = withApi({ auth: "partner_key", scopes: ["links:read"], query: cursorQuerySchema }, async ({ principal, query }) =>
  listOwnLinks(principal, query),
);

/** POST /api/v1/links — create a tracking link to one of the program's own pages. */
export const POST = withApi({ auth: "partner_key", scopes: ["links:write"], body: createLinkSchema }, async ({ principal, body, now }) =>
  created({ data: await createOwnLink(principal, body, now) }),
);
