import { created, withApi } from "@/lib/api/handler";
import { listInstallsApiQuery, listInstallsForKey } from "@/lib/quality/api";
import { createPlatformInstall, toInstallJson } from "@/lib/quality/installs";
import { platformInstallSchema } from "@/lib/quality/schemas";

/** POST /api/v1/installs — the platform records an install (partner-led or self-serve). */
export const POST = withApi({ auth: "platform_key", scopes: ["platform:write"], body: platformInstallSchema }, async ({ principal, body, now }) =>
  created({ data: toInstallJson(await createPlatformInstall({ principal, input: body, now })) }),
);

/** GET /api/v1/installs — every install (platform key) or the partner's own (partner key). */
export const GET = withApi({ auth: "key", query: listInstallsApiQuery }, async ({ principal, query }) => listInstallsForKey(principal, query));
