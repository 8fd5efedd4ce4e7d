import "server-only";
import { getDb } from "@/db/client";
import type { ViolationStatus } from "@/db/schema/badge-monitoring";
import type { BadgeState } from "@/db/schema/badges";
import { effectiveState } from "./model";
import { isOverdue } from "./rules";
import { badgeStateCounts, listViolations, searchBadges, violationCounts } from "./store";

// What /admin/badges shows. The page guards access (requireAdminPage).

const STATUS_FILTER: Record<string, readonly ViolationStatus[] | undefined> = {
  live: ["open", "fix_claimed"],
  open: ["open"],
  fix_claimed: ["fix_claimed"],
  resolved: ["resolved"],
  escalated: ["escalated"],
  all: undefined,
};

export async function getAdminBadgesView(now: Date, q: { status: string; page: number; pageSize: number; q?: string; state?: BadgeState }) {
  const db = await getDb();
  const [list, states, violations, badges] = await Promise.all([
    listViolations(db, { statuses: STATUS_FILTER[q.status], limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
    badgeStateCounts(db),
    violationCounts(db),
    searchBadges(db, q.q ?? "", { state: q.state, now, limit: q.q || q.state ? 25 : 10 }),
  ]);
  const rows = list.rows.map((v) => ({ ...v, live: v.status === "open" || v.status === "fix_claimed", overdue: isOverdue(v, now) }));
  return {
    rows,
    total: list.total,
    overdue: rows.filter((r) => r.overdue).length,
    states,
    violations,
    badges: badges.map((b) => ({ ...b, state: effectiveState(b, now) })),
  };
}
