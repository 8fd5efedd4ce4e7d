import type { Metadata } from "next";
import { AuditList } from "@/components/audit/audit-list";
import { NoPartner } from "@/components/console/no-partner";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { getPrincipal, requireConsole } from "@/lib/auth/guards";
import { getPartnerActivity } from "@/lib/partners/console";

export const metadata: Metadata = { title: "Activity" };

export default async function ActivityPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const { viewer, partnerId } = await requireConsole("/console/activity", "activity:read");
  if (!partnerId) return <NoPartner isAdmin={viewer.isAdmin} />;
  const page = Math.max(1, Number.parseInt((await searchParams).page ?? "1", 10) || 1);
  const { rows, total } = await getPartnerActivity(await getPrincipal(), partnerId, page);
  return (
    <>
      <PageHeader title="Activity" description="Every change to your organisation's listing, team and API keys: who made it, when, and what changed." />
      <Card>
        {total === 0 ? (
          <EmptyState title="No activity yet" description="Changes will appear here as your team works." />
        ) : (
          <>
            <AuditList items={rows} now={new Date()} />
            <div className="border-t border-slate-100 px-4">
              <Pagination page={page} pageSize={25} total={total} path="/console/activity" baseParams={{}} label="events" />
            </div>
          </>
        )}
      </Card>
    </>
  );
}
