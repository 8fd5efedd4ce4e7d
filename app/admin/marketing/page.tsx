import type { Metadata } from "next";
import Link from "next/link";
import { SubmissionTable } from "@/components/marketing/submission-table";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { getPrincipal, requireAdminPage } from "@/lib/auth/guards";
import { adminMarketingParams } from "@/lib/marketing/params";
import { ADMIN_MARKETING_QUEUES, getAdminMarketingView } from "@/lib/marketing/views";
import { flattenSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Co-marketing approvals" };
const PAGE_SIZE = 25;

export default async function AdminMarketingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdminPage("/admin/marketing", "marketing:review");
  const q = adminMarketingParams.parse(flattenSearchParams(await searchParams));
  const v = await getAdminMarketingView(await getPrincipal(), { queue: q.queue, page: q.page, pageSize: PAGE_SIZE });
  const count = (k: keyof typeof ADMIN_MARKETING_QUEUES) => (k === "all" ? v.counts.pending + v.counts.changes_requested + v.counts.approved : v.counts[k]);
  return (
    <>
      <PageHeader title="Co-marketing approvals" description="Partner material that uses the program's brand. Approve it (it gets a CM reference id) or request changes with a comment." />
      <nav aria-label="Queues" className="mb-4 flex flex-wrap gap-2">
        {(Object.keys(ADMIN_MARKETING_QUEUES) as (keyof typeof ADMIN_MARKETING_QUEUES)[]).map((k) => (
          <Link
            key={k}
            href={`/admin/marketing?queue=${k}`}
            aria-current={q.queue === k ? "page" : undefined}
            className={cn("rounded-full px-3 py-1 text-sm ring-1 ring-inset", q.queue === k ? "bg-brand-700 text-white ring-brand-700" : "bg-white text-ink-muted ring-slate-300 hover:bg-slate-50")}
          >
            {ADMIN_MARKETING_QUEUES[k].label} <span className="tabular-nums opacity-80">{count(k)}</span>
          </Link>
        ))}
      </nav>
      <Card>
        {v.rows.length === 0 ? (
          <EmptyState title="Nothing in this queue" description="Submissions from partners show up here." />
        ) : (
          <>
            <SubmissionTable rows={v.rows} caption={ADMIN_MARKETING_QUEUES[q.queue].label} hrefBase="/admin/marketing" showPartner />
            <div className="border-t border-slate-100 px-4">
              <Pagination page={q.page} pageSize={PAGE_SIZE} total={v.total} path="/admin/marketing" baseParams={{ queue: q.queue }} label="submissions" />
            </div>
          </>
        )}
      </Card>
    </>
  );
}
