import { withApi } from "@/lib/api/handler";
import { listChecksApiQuery, listChecksForKey } from "@/lib/quality/api";

/** GET /api/v1/installs/{id}/checks — the install's checks, newest first. */
export const GET = withApi<{ id: string }, undefined, typeof listChecksApiQuery>({ auth: "key", query: listChecksApiQuery }, async ({ principal, params, query }) =>
  listChecksForKey(principal, params.id, query),
);
