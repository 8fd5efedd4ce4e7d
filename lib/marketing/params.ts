import { z } from "zod";
import { MDF_STATUSES } from "@/lib/mdf/rules";

// Page query strings of the co-marketing and MDF screens. Unknown values fall back.

const page = z.coerce.number().int().min(1).max(100_000).catch(1);

export const pageParams = z.object({ page });
export const submissionsParams = z.object({ page, status: z.enum(["pending", "changes_requested", "approved"]).optional().catch(undefined) });
export const adminMarketingParams = z.object({ page, queue: z.enum(["pending", "changes_requested", "approved", "all"]).catch("pending") });
export const mdfParams = z.object({ page, status: z.enum(MDF_STATUSES).optional().catch(undefined) });
export const adminMdfParams = z.object({ page, queue: z.enum(["requests", "claims", "all"]).catch("requests") });
