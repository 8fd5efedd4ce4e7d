import { withApi } from "@/lib/api/handler";
import { cachedJson, directoryApiPage } from "@/lib/directory/api";
import { directoryApiQuerySchema } from "@/lib/directory/schemas";

/** GET /api/v1/partners — the public directory: the same filters, order and pages as the site. */
export const GET = withApi({ auth: "public", query: directoryApiQuerySchema }, async ({ req, query, now }) =>
  cachedJson(req, await directoryApiPage(query, now)),
);
