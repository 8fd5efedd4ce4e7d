import { withApi } from "@/lib/api/handler";
import { getInstallForKey } from "@/lib/quality/api";

/** GET /api/v1/installs/{id} — one install with its survival windows. */
export const GET = withApi<{ id: string }>({ auth: "key" }, async ({ principal, params, now }) => getInstallForKey(principal, params.id, now));
