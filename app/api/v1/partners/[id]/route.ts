import { withApi } from "@/lib/api/handler";
import { cachedJson, directoryApiProfile } from "@/lib/directory/api";

/** GET /api/v1/partners/{id or slug} — one public profile. */
export const GET = withApi<{ id: string }>({ auth: "public" }, async ({ req, params, now }) =>
  cachedJson(req, await directoryApiProfile(params.id, now)),
);
