import "server-only";
import { getDb } from "@/db/client";
import { assertAdmin, canAdmin, type Principal } from "@/lib/auth/permissions";
import { staffChangesFor } from "@/lib/auth/staff-rules";
import { countStaff, listAdmins } from "./store";

/** The program staff page: one page of admins, and what the viewer may change on each. */
export async function getStaffView(principal: Principal | null, opts: { page: number; pageSize: number }) {
  const viewer = assertAdmin(principal, "users:read");
  const db = await getDb();
  const [{ rows, total }, counts] = await Promise.all([listAdmins(db, opts), countStaff(db)]);
  return {
    rows: rows.map((r) => ({
      ...r,
      isYou: r.userId === viewer.userId,
      can: staffChangesFor(viewer, { userId: r.userId, email: r.email, name: r.name, isAdmin: true, isExec: r.isExec, partnerTeams: [] }, counts),
    })),
    total,
    counts,
    canManage: canAdmin(viewer, "staff:manage"),
    canManageExecs: canAdmin(viewer, "staff:exec"),
  };
}
