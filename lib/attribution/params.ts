import { z } from "zod";
import { COMMISSION_STATUSES } from "@/lib/commissions/rules";
import { DEAL_STAGES } from "@/lib/deals/rules";

// Page query strings for the attribution, deals and commissions screens.
// Unknown values fall back rather than failing the page.

const page = z.coerce.number().int().min(1).max(100_000).catch(1);
const text = z.string().trim().max(200).optional().transform((v) => v || undefined).catch(undefined);

export const linksParams = z.object({ page, archived: z.enum(["1"]).optional().catch(undefined) });
export const dealsParams = z.object({ page, stage: z.enum(DEAL_STAGES).optional().catch(undefined), q: text });
export const commissionsParams = z.object({ page, status: z.enum(COMMISSION_STATUSES).optional().catch(undefined) });
