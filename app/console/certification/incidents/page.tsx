import type { Metadata } from "next";
import Link from "next/link";
import { NoPartner } from "@/components/console/no-partner";
import { NoteForm, OpenIncidentForm } from "@/components/certification/forms";
import { SlaBadge } from "@/components/certification/status";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { getPrincipal, requireConsole } from "@/lib/auth/guards";
import { canPartner } from "@/lib/auth/permissions";
import { openIncidentAction, resolveIncidentAction, respondIncidentAction } from "@/lib/certification/actions";
import { getIncidentsPage } from "@/lib/certification/views";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Incidents" };
const PAGE_SIZE = 20;

export default async function IncidentsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const { viewer, partnerId } = await requireConsole("/console/certification/incidents", "certification:read");
  if (!partnerId) return <NoPartner isAdmin={viewer.isAdmin} />;
  const page = Math.max(1, Number((await searchParams).page) || 1);
  const now = new Date();
  const { rows, total, slaHours } = await getIncidentsPage(await getPrincipal(), partnerId, page, PAGE_SIZE, now);
  const canWrite = canPartner(viewer, "certification:write", partnerId);
  return (
    <>
      <PageHeader
        eyebrow={<Link href="/console/certification" className="hover:underline">Certification</Link>}
        title="Incidents"
        description={`Problems on your customers' deployments. Your track's first-response SLA is ${slaHours >= 24 ? `${slaHours / 24} days` : `${slaHours} hours`}; incidents in the last 90 days count toward certification and tier.`}
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader title="All incidents" description={`${total} in total`} />
          {rows.length === 0 ? (
            <EmptyState title="No incidents" description="Incidents you or the program team open show here, with their SLA." />
          ) : (
            <ul className="divide-y divide-slate-100">
              {rows.map((i) => (
                <li key={i.id} className="space-y-2 px-5 py-4" data-testid="incident">
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <div>
                      <div className="font-medium text-ink">{i.title}</div>
                      <div className="text-xs text-ink-subtle">
                        Opened {formatDateTime(i.openedAt)} by {i.openedBy} · {i.severity}
                      </div>
                    </div>
                    <div className="flex gap-2">
                      <SlaBadge sla={i.sla} />
                      {i.resolvedAt ? <Badge tone="green">Resolved</Badge> : <Badge tone="amber">Open</Badge>}
                    </div>
                  </div>
                  {i.description ? <p className="text-sm text-ink-muted">{i.description}</p> : null}
                  {i.firstResponseAt ? <p className="text-sm"><span className="text-ink-subtle">First response {formatDateTime(i.firstResponseAt)}:</span> {i.responseNote}</p> : null}
                  {i.resolvedAt ? <p className="text-sm"><span className="text-ink-subtle">Resolved {formatDateTime(i.resolvedAt)}:</span> {i.resolutionNote}</p> : null}
                  {canWrite && !i.resolvedAt ? (
                    <div className="grid gap-2 sm:grid-cols-2">
                      {!i.firstResponseAt ? <NoteForm id={i.id} label="First response" button="Respond" action={respondIncidentAction} /> : null}
                      <NoteForm id={i.id} label="Resolution" button="Resolve" action={resolveIncidentAction} />
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          <div className="border-t border-slate-100 px-4">
            <Pagination page={page} pageSize={PAGE_SIZE} total={total} path="/console/certification/incidents" baseParams={{}} label="incidents" />
          </div>
        </Card>
        <Card>
          <CardHeader title="Open an incident" description="Record a customer-reported problem; the SLA clock starts now." />
          <CardBody>{canWrite ? <OpenIncidentForm partnerId={partnerId} action={openIncidentAction} /> : <p className="text-sm text-ink-muted">Only team members open incidents.</p>}</CardBody>
        </Card>
      </div>
    </>
  );
}
