import type { Metadata } from "next";
import { StaffManager } from "@/components/admin/staff-manager";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { adminStaffParams } from "@/lib/admin/params";
import { getPrincipal, requireAdminPage } from "@/lib/auth/guards";
import { formatDate, formatRelative } from "@/lib/format";
import { flattenSearchParams } from "@/lib/search-params";
import { addAdminAction, grantExecAction, removeAdminAction, revokeExecAction } from "@/lib/staff/actions";
import { getStaffView } from "@/lib/staff/views";

export const metadata: Metadata = { title: "Program staff · Admin" };
const PAGE_SIZE = 50;

type Row = Awaited<ReturnType<typeof getStaffView>>["rows"][number];

/** Why a row offers no change at all (the rules in lib/auth/staff-rules.ts refuse every one). */
function noteFor(r: Row, counts: { admins: number; execs: number }, canManageExecs: boolean): string | null {
  if (r.can.remove_admin || r.can.grant_exec || r.can.revoke_exec) return null;
  if (counts.admins <= 1) return "The only admin";
  if (r.isExec && counts.execs <= 1) return "The only exec";
  if (r.isYou) return "Another admin can remove you";
  if (r.isExec && !canManageExecs) return "Only an exec changes an exec";
  return null;
}

export default async function StaffPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdminPage("/admin/staff", "users:read");
  const q = adminStaffParams.parse(flattenSearchParams(await searchParams));
  const v = await getStaffView(await getPrincipal(), { page: q.page, pageSize: PAGE_SIZE });
  const now = new Date();
  return (
    <>
      <PageHeader
        title="Program staff"
        description="The admins who run the program. Admins see every partner's data; the execs among them also sign the exit tests' evidence package and decide who else is an exec. Every change is in the audit log."
      />
      {!v.canManageExecs ? (
        <Alert className="mb-6">Only an exec can grant or revoke the exec role. You can add and remove admins who are not execs.</Alert>
      ) : null}
      <StaffManager
        rows={v.rows.map((r) => ({
          userId: r.userId,
          email: r.email,
          name: r.name,
          isExec: r.isExec,
          since: formatDate(r.adminSince),
          lastSignIn: formatRelative(r.lastSignInAt, now),
          isYou: r.isYou,
          can: r.can,
          note: noteFor(r, v.counts, v.canManageExecs),
        }))}
        total={v.total}
        canManage={v.canManage}
        pagination={<Pagination page={q.page} pageSize={PAGE_SIZE} total={v.total} path="/admin/staff" baseParams={{}} label="admins" />}
        add={addAdminAction}
        remove={removeAdminAction}
        grantExec={grantExecAction}
        revokeExec={revokeExecAction}
      />
    </>
  );
}
