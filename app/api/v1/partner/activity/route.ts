import { z } from "zod";
import { readQuery, withApi } from "@/lib/api/handler";
import { getOwnActivity } from "@/lib/partners/api";

const query = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});

/** GET /api/v1/partner/activity — the partner's audit trail (scope activity:read). */
export const GET = withApi({ auth: "key" }, async ({ req, principal }) => {
  const { page, pageSize } = readQuery(req, query);
  return getOwnActivity(principal, page, pageSize);
});
