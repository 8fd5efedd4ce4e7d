import { withApi } from "@/lib/api/handler";
import { adminAuditParams } from "@/lib/admin/params";
import { exportAuditCsv } from "@/lib/audit/export";
import { csvResponse } from "@/lib/csv/csv";

const DAY = 86_400_000;

/** GET /api/admin/audit/export — the filtered audit log as CSV (admins). */
export const GET = withApi({ auth: "session_or_key", query: adminAuditParams }, async ({ principal, query, now }) => {
  const stream = exportAuditCsv(principal, {
    ...query,
    from: query.from ? new Date(`${query.from}T00:00:00Z`) : undefined,
    to: query.to ? new Date(new Date(`${query.to}T00:00:00Z`).getTime() + DAY) : undefined,
  });
  return csvResponse(`audit-${now.toISOString().slice(0, 10)}.csv`, stream);
});
