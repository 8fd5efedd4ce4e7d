import { readJson, withApi } from "@/lib/api/handler";
import { getOwnPartner, patchOwnListing } from "@/lib/partners/api";
import { z } from "zod";

/** GET /api/v1/partner — the partner the key belongs to. */
export const GET = withApi({ auth: "key" }, async ({ principal, now }) => ({ data: await getOwnPartner(principal, now) }));

/** PATCH /api/v1/partner — change listing fields (scope listing:write). */
export const PATCH = withApi({ auth: "key" }, async ({ req, principal, now }) => {
  const body = await readJson(req, z.record(z.string(), z.unknown()));
  return { data: await patchOwnListing(principal, body, now) };
});
