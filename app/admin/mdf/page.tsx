import type { Metadata } from "next";
import Link from "next/link";
import { MdfRequestTable } from "@/components/mdf/request-table";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { getPrincipal, requireAdminPage } from "@/lib/auth/guards";
import { adminMdfParams } from "@/lib/marketing/params";
import { ADMIN_MDF_QUEUES, getAdminMdfView } from "@/lib/mdf/views";
import { flattenSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "MDF" };
const PAGE_SIZE = 25;

export default async function AdminMdfPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdminPage("/admin/mdf", "mdf:review");
  const q = adminMdfParams.parse(flattenSearchParams(await searchParams));
  const v = await getAdminMdfView(await getPrincipal(), { queue: q.queue, page: q.page, pageSize: PAGE_SIZE });
  const counts: Record<string, number | null> = { requests: v.counts.requests, claims: v.counts.claims, all: null };
  return (
    <>
      <PageHeader title="Market development funds" description="Decide requests (approve, partly approve or reject with a reason) and review claims; approved claims are reimbursed with the partner's next payout." />
      <nav aria-label="Queues" className="mb-4 flex flex-wrap gap-2">
        {(Object.keys(ADMIN_MDF_QUEUES) as (keyof typeof ADMIN_MDF_QUEUES)[]).map((k) => (
          <Link
            key={k}
            href={`/admin/mdf?queue=${k}`}
            aria-current={q.queue === k ? "page" : undefined}
            className={cn("rounded-full px-3 py-1 text-sm ring-1 ring-inset", q.queue === k ? "bg-brand-700 text-white ring-brand-700" : "bg-white text-ink-muted ring-slate-300 hover:bg-slate-50")}
          >
            {ADMIN_MDF_QUEUES[k].label} {counts[k] !== null ? <span className="tabular-nums opacity-80">{counts[k]}</span> : null}
          </Link>
        ))}
      </nav>
      <Card>
        {v.rows.length === 0 ? (
          <EmptyState title="Nothing in this queue" description="New requests and claims show up here." />
        ) : (
          <>
            <MdfRequestTable rows={v.rows} caption={ADMIN_MDF_QUEUES[q.queue].label} hrefBase="/admin/mdf" showPartner />
            <div className="border-t border-slate-100 px-4">
              <Pagination page={q.page} pageSize={PAGE_SIZE} total={v.total} path="/admin/mdf" baseParams={{ queue: q.queue }} label="requests" />
            </div>
          </>
        )}
      </Card>
    </>
  );
}
