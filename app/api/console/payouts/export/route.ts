import { z } from "zod";
import { withApi } from "@/lib/api/handler";
import { csvResponse } from "@/lib/csv/csv";
import { exportPartnerPayoutsCsv } from "@/lib/payouts/api";

const query = z.object({ partnerId: z.string().min(1, "Required").max(64) });

/** GET /api/console/payouts/export?partnerId= — the partner's payouts as CSV, one row per line. */
export const GET = withApi({ auth: "session_or_key", query }, async ({ principal, query, now }) =>
  csvResponse(`payouts-${now.toISOString().slice(0, 10)}.csv`, exportPartnerPayoutsCsv(principal, query.partnerId)),
);
