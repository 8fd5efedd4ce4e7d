import { z } from "zod";
import { PARTNER_STATUSES, TIERS, TRACKS } from "@/lib/partners/constants";

// Admin list filters from the query string. Unknown values are dropped rather
// than failing the page: an admin pasting an old URL still gets a list.

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values).optional().catch(undefined);

const page = z.coerce.number().int().min(1).max(100_000).catch(1);
const text = z.string().trim().max(200).optional().transform((v) => v || undefined).catch(undefined);

export const adminPartnersParams = z.object({
  q: text,
  track: optionalEnum(TRACKS),
  tier: optionalEnum(TIERS),
  status: optionalEnum(PARTNER_STATUSES),
  page,
});

export const adminAuditParams = z.object({
  action: text,
  objectType: text,
  objectId: text,
  actor: text,
  partnerId: text,
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined),
  page,
});

export const adminOutboxParams = z.object({
  status: optionalEnum(["pending", "sent", "failed", "stored"] as const),
  to: text,
  page,
});

export const adminStaffParams = z.object({ page });

/** Query-string params for pagination links (defined values only, page dropped). */
export function linkParams(values: Record<string, unknown>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(values)) if (k !== "page" && v !== undefined && v !== null) out[k] = String(v);
  return out;
}
