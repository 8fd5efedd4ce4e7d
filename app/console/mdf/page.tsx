import type { Metadata } from "next";
import Link from "next/link";
import { NoPartner } from "@/components/console/no-partner";
import { NotEligible } from "@/components/marketing/not-eligible";
import { BudgetMeter } from "@/components/mdf/budget-meter";
import { MdfRequestForm } from "@/components/mdf/request-form";
import { MdfRequestTable } from "@/components/mdf/request-table";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { getPrincipal, requireConsole } from "@/lib/auth/guards";
import { mdfParams } from "@/lib/marketing/params";
import { MDF_STATUSES, MDF_STATUS_LABELS } from "@/lib/mdf/rules";
import { getMdfConsoleView } from "@/lib/mdf/views";
import { formatMoney } from "@/lib/money";
import { flattenSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "MDF" };
const PAGE_SIZE = 20;

export default async function MdfPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { viewer, partnerId } = await requireConsole("/console/mdf", "mdf:read");
  if (!partnerId) return <NoPartner isAdmin={viewer.isAdmin} />;
  const q = mdfParams.parse(flattenSearchParams(await searchParams));
  const now = new Date();
  const v = await getMdfConsoleView(await getPrincipal(), partnerId, now, { page: q.page, pageSize: PAGE_SIZE, status: q.status });
  const defaultStart = new Date(now.getTime() + 14 * 86_400_000).toISOString().slice(0, 10);
  return (
    <>
      <PageHeader
        title="Market development funds"
        description="Funds for demand generation, within your tier's yearly budget. Request before the activity; after it, claim with your results and receipts and we reimburse with your next payout."
      />
      {!v.eligibility.allowed ? (
        <div className="space-y-6">
          <NotEligible reason={v.eligibility.reason} what="MDF" />
        </div>
      ) : (
        <div className="space-y-6">
          <Card>
            <CardBody>
              <BudgetMeter budget={v.budget} />
              {v.nextBudget ? (
                <p className="mt-3 text-xs text-ink-muted">
                  {v.nextBudget.year}: {formatMoney(v.nextBudget.remainingCents, v.nextBudget.currency)} of {formatMoney(v.nextBudget.budgetCents, v.nextBudget.currency)} remaining.
                </p>
              ) : null}
            </CardBody>
          </Card>
          {v.canWrite ? (
            <Card>
              <CardHeader title="Request funds" description="Activities are charged to the budget of the year they start in. A pending request holds its amount until it is decided." />
              <CardBody>
                <MdfRequestForm partnerId={partnerId} defaultStart={defaultStart} remainingLabel={formatMoney(v.budget.remainingCents, v.budget.currency)} />
              </CardBody>
            </Card>
          ) : null}
        </div>
      )}
      <nav aria-label="Filter by status" className="my-4 flex flex-wrap gap-2">
        {[{ key: undefined, label: "All" }, ...MDF_STATUSES.map((s) => ({ key: s, label: MDF_STATUS_LABELS[s] }))].map((f) => (
          <Link
            key={f.label}
            href={f.key ? `/console/mdf?status=${f.key}` : "/console/mdf"}
            aria-current={q.status === f.key ? "page" : undefined}
            className={cn("rounded-full px-3 py-1 text-sm ring-1 ring-inset", q.status === f.key ? "bg-brand-700 text-white ring-brand-700" : "bg-white text-ink-muted ring-slate-300 hover:bg-slate-50")}
          >
            {f.label}
          </Link>
        ))}
      </nav>
      <Card>
        {v.rows.length === 0 ? (
          <EmptyState title={q.status ? `No ${MDF_STATUS_LABELS[q.status].toLowerCase()} requests` : "No MDF requests yet"} description="Your requests and claims show here." />
        ) : (
          <>
            <MdfRequestTable rows={v.rows} caption="MDF requests" hrefBase="/console/mdf" />
            <div className="border-t border-slate-100 px-4">
              <Pagination page={q.page} pageSize={PAGE_SIZE} total={v.total} path="/console/mdf" baseParams={{ status: q.status }} label="requests" />
            </div>
          </>
        )}
      </Card>
    </>
  );
}
