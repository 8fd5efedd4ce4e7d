import { withApi } from "@/lib/api/handler";
import { csvResponse } from "@/lib/csv/csv";
import { exportAdminPayoutsCsv } from "@/lib/payouts/api";
import { adminPayoutFilterSchema } from "@/lib/payouts/schemas";

/** GET /api/admin/payouts/export — every payout (filtered by status and period) as CSV, one row per line (admins). */
export const GET = withApi({ auth: "session_or_key", query: adminPayoutFilterSchema }, async ({ principal, query, now }) =>
  csvResponse(`payouts-all-${now.toISOString().slice(0, 10)}.csv`, exportAdminPayoutsCsv(principal, { status: query.status, period: query.period })),
);
