import type { Metadata } from "next";
import Link from "next/link";
import { NoPartner } from "@/components/console/no-partner";
import { SubmitMaterialForm } from "@/components/marketing/forms";
import { MarketingTabs } from "@/components/marketing/marketing-tabs";
import { MARKETING_STATUS_LABELS } from "@/components/marketing/status-badge";
import { SubmissionTable } from "@/components/marketing/submission-table";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { getPrincipal, requireConsole } from "@/lib/auth/guards";
import { submissionsParams } from "@/lib/marketing/params";
import { getSubmissionsView } from "@/lib/marketing/views";
import { describePolicy } from "@/lib/storage/policies";
import { flattenSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Brand approvals" };
const PAGE_SIZE = 20;
const FILTERS = ["pending", "changes_requested", "approved"] as const;

export default async function SubmissionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { viewer, partnerId } = await requireConsole("/console/marketing/submissions", "marketing:read");
  if (!partnerId) return <NoPartner isAdmin={viewer.isAdmin} />;
  const q = submissionsParams.parse(flattenSearchParams(await searchParams));
  const v = await getSubmissionsView(await getPrincipal(), partnerId, { page: q.page, pageSize: PAGE_SIZE, status: q.status });
  const all = Object.values(v.counts).reduce((a, b) => a + b, 0);
  return (
    <>
      <PageHeader title="Brand approvals" description="Any material that uses the Provenant name, logo or badges is approved before it is published. Approved material gets a reference id (CM-year-number) to quote on it." />
      <MarketingTabs current="/console/marketing/submissions" />
      <div className="space-y-6">
        {v.canWrite ? (
          <Card>
            <CardHeader title="Submit material" description="A file or the URL where it is published." />
            <CardBody>
              <SubmitMaterialForm partnerId={partnerId} policy={describePolicy("marketing_material")} />
            </CardBody>
          </Card>
        ) : !v.eligibility.allowed ? (
          <p className="text-sm text-ink-muted">{v.eligibility.reason}</p>
        ) : null}
        <nav aria-label="Filter by status" className="flex flex-wrap gap-2">
          {[{ key: undefined, label: "All", n: all }, ...FILTERS.map((s) => ({ key: s, label: MARKETING_STATUS_LABELS[s], n: v.counts[s] }))].map((f) => (
            <Link
              key={f.label}
              href={f.key ? `/console/marketing/submissions?status=${f.key}` : "/console/marketing/submissions"}
              aria-current={q.status === f.key ? "page" : undefined}
              className={cn("rounded-full px-3 py-1 text-sm ring-1 ring-inset", q.status === f.key ? "bg-brand-700 text-white ring-brand-700" : "bg-white text-ink-muted ring-slate-300 hover:bg-slate-50")}
            >
              {f.label} <span className="tabular-nums opacity-80">{f.n}</span>
            </Link>
          ))}
        </nav>
        <Card>
          {v.rows.length === 0 ? (
            <EmptyState title="Nothing submitted" description="Submitted material and its review status show here." />
          ) : (
            <>
              <SubmissionTable rows={v.rows} caption="Submitted material" hrefBase="/console/marketing/submissions" />
              <div className="border-t border-slate-100 px-4">
                <Pagination page={q.page} pageSize={PAGE_SIZE} total={v.total} path="/console/marketing/submissions" baseParams={{ status: q.status }} label="submissions" />
              </div>
            </>
          )}
        </Card>
      </div>
    </>
  );
}
