import { z } from "zod";
import { withApi } from "@/lib/api/handler";
import { getOwnPartner, patchOwnListing } from "@/lib/partners/api";

/** GET /api/v1/partner — the partner the key belongs to. */
export const GET = withApi({ auth: "partner_key", scopes: ["partner:read"] }, async ({ principal, now }) => ({
  data: await getOwnPartner(principal, now),
}));

/** PATCH /api/v1/partner — change listing fields. */
export const PATCH = withApi(
  { auth: "partner_key", scopes: ["listing:write"], body: z.record(z.string(), z.unknown()) },
  async ({ principal, body, now }) => ({ data: await patchOwnListing(principal, body, now) }),
);
