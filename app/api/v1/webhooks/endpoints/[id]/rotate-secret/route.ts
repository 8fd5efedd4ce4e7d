import { withApi } from "@/lib/api/handler";
import { apiRotateSecret } from "@/lib/webhooks/api";

/** POST — a new signing secret (in this response only); the old one keeps signing for 24 hours. */
export const POST = withApi<{ id: string }>({ auth: "partner_key", scopes: ["webhooks:manage"] }, async ({ principal, params, now }) =>
  apiRotateSecret(principal, params.id, now),
);
