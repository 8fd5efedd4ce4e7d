import type { Metadata } from "next";
import Link from "next/link";
import { NoPartner } from "@/components/console/no-partner";
import { ActionButton } from "@/components/evidence/action-button";
import { StackBadge, SurvivalBadge } from "@/components/evidence/badges";
import { Badge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { getPrincipal, requireConsole } from "@/lib/auth/guards";
import { assertPartner, canPartner } from "@/lib/auth/permissions";
import { formatDate } from "@/lib/format";
import { setReportPublishedAction } from "@/lib/quality/actions";
import { listReports } from "@/lib/quality/store";

export const metadata: Metadata = { title: "Survival Reports" };
const PAGE_SIZE = 20;

export default async function ReportsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const { viewer, partnerId } = await requireConsole("/console/reports", "installs:read");
  if (!partnerId) return <NoPartner isAdmin={viewer.isAdmin} />;
  assertPartner(await getPrincipal(), "installs:read", partnerId);
  const page = Math.max(1, Number((await searchParams).page) || 1);
  const { rows, total } = await listReports({ partnerId, page, pageSize: PAGE_SIZE });
  const canPublish = canPartner(viewer, "reports:publish", partnerId) && viewer.memberships.some((m) => m.partnerId === partnerId);
  return (
    <>
      <PageHeader
        title="Survival Reports"
        description="Public, printable reports of one install's survival checks over a period. Create them from an install; an owner decides which to publish at /reports/<id>."
      />
      <Card>
        {rows.length === 0 ? (
          <EmptyState title="No reports yet" description="Open an install and create a report for the last 7, 30 or 90 days." action={<LinkButton href="/console/installs">Open installs</LinkButton>} />
        ) : (
          <>
            <Table caption="Survival Reports">
              <thead className="bg-slate-50">
                <tr>
                  <Th>Install</Th>
                  <Th>Period</Th>
                  <Th>Survival stated</Th>
                  <Th>Status</Th>
                  <Th className="text-right">Actions</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((r) => (
                  <Tr key={r.id}>
                    <Td className="max-w-xs">
                      <Link href={`/console/installs/${r.installId}`} className="font-medium text-brand-800 hover:underline">
                        {r.customerName}
                      </Link>
                      <div className="mt-1">
                        <StackBadge stack={r.stack} />
                      </div>
                    </Td>
                    <Td className="whitespace-nowrap text-ink-muted">
                      {formatDate(r.periodStart)} – {formatDate(r.periodEnd)}
                    </Td>
                    <Td>
                      <SurvivalBadge checked={Number(r.statedAssetsChecked)} survived={Number(r.statedAssetsSurvived)} />
                      <div className="text-xs text-ink-subtle">{r.statedChecks} checks</div>
                    </Td>
                    <Td>{r.publishedAt ? <Badge tone="green">Published {formatDate(r.publishedAt)}</Badge> : <Badge tone="gray">Draft</Badge>}</Td>
                    <Td>
                      <div className="flex flex-wrap items-start justify-end gap-2">
                        {r.publishedAt ? (
                          <LinkButton href={`/reports/${r.id}`} size="sm" variant="secondary">
                            View<span className="sr-only"> report for {r.customerName}</span>
                          </LinkButton>
                        ) : null}
                        {canPublish ? (
                          <ActionButton
                            size="sm"
                            variant={r.publishedAt ? "ghost" : "primary"}
                            label={r.publishedAt ? "Unpublish" : "Publish"}
                            action={setReportPublishedAction.bind(null, r.id, !r.publishedAt)}
                          />
                        ) : null}
                      </div>
                    </Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
            <div className="border-t border-slate-100 px-4">
              <Pagination page={page} pageSize={PAGE_SIZE} total={total} path="/console/reports" baseParams={{}} label="reports" />
            </div>
          </>
        )}
      </Card>
      {!canPublish ? <p className="mt-4 text-sm text-ink-muted">Only owners can publish or unpublish reports.</p> : null}
    </>
  );
}
