import type { Metadata } from "next";
import Link from "next/link";
import { NoPartner } from "@/components/console/no-partner";
import { ActionButton } from "@/components/evidence/action-button";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { getPrincipal, requireConsole } from "@/lib/auth/guards";
import { setLeadStatusAction } from "@/lib/directory/actions";
import { getLeads } from "@/lib/directory/views";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Leads" };

const STATUSES = ["new", "answered", "closed"] as const;
const TONES = { new: "amber", answered: "green", closed: "gray" } as const;

export default async function LeadsPage({ searchParams }: { searchParams: Promise<{ status?: string; page?: string }> }) {
  const { viewer, partnerId } = await requireConsole("/console/leads", "leads:read");
  if (!partnerId) return <NoPartner isAdmin={viewer.isAdmin} />;
  const sp = await searchParams;
  const status = (STATUSES as readonly string[]).includes(sp.status ?? "") ? (sp.status as (typeof STATUSES)[number]) : undefined;
  const page = Math.max(1, Math.min(10_000, Number(sp.page) || 1));
  const principal = await getPrincipal();
  const leads = await getLeads(principal, partnerId, status, page);
  const canWrite = principal?.kind === "user" && principal.viewer.memberships.some((m) => m.partnerId === partnerId);
  return (
    <>
      <PageHeader
        title="Leads"
        description="Prospects who wrote to you from your directory profile. Answer them by email, then mark them answered: answers within your SLA count toward your ranking."
      />
      <nav aria-label="Filter leads" className="mb-4 flex flex-wrap gap-2 text-sm">
        {[undefined, ...STATUSES].map((s) => (
          <Link
            key={s ?? "all"}
            href={s ? `/console/leads?status=${s}` : "/console/leads"}
            aria-current={status === s ? "page" : undefined}
            className={cn("rounded-full px-3 py-1.5 ring-1", status === s ? "bg-slate-900 text-white ring-slate-900" : "bg-white text-ink ring-slate-300")}
          >
            {s ? s[0]!.toUpperCase() + s.slice(1) : "All"}
            {s === "new" && leads.unanswered ? ` (${leads.unanswered})` : ""}
          </Link>
        ))}
      </nav>
      <Card>
        {leads.rows.length === 0 ? (
          <EmptyState
            title={status ? `No ${status} leads` : "No leads yet"}
            description="When a prospect uses the contact form on your public profile, the message shows up here and in your inbox."
          />
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="lead-list">
            {leads.rows.map((l) => (
              <li key={l.id} className="flex flex-col gap-3 px-5 py-4 md:flex-row md:items-start md:justify-between">
                <div className="min-w-0 flex-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <p className="font-medium text-ink">
                      {l.name}
                      {l.company ? <span className="font-normal text-ink-muted"> · {l.company}</span> : null}
                    </p>
                    <Badge tone={TONES[l.status]}>{l.status}</Badge>
                  </div>
                  <a href={`mailto:${l.email}`} className="text-sm break-all text-brand-700 hover:underline">
                    {l.email}
                  </a>
                  <p className="mt-2 text-sm whitespace-pre-line text-ink">{l.message}</p>
                  <p className="mt-1 text-xs text-ink-subtle">
                    Received {formatDateTime(l.createdAt)}
                    {l.answeredAt ? ` · answered ${formatDateTime(l.answeredAt)}` : ""}
                  </p>
                </div>
                {canWrite ? (
                  <div className="flex shrink-0 gap-2">
                    {l.status !== "answered" ? (
                      <ActionButton size="sm" label="Mark answered" action={setLeadStatusAction.bind(null, partnerId, l.id, "answered")} />
                    ) : null}
                    {l.status !== "closed" ? (
                      <ActionButton size="sm" variant="secondary" label="Close" action={setLeadStatusAction.bind(null, partnerId, l.id, "closed")} />
                    ) : (
                      <ActionButton size="sm" variant="ghost" label="Reopen" action={setLeadStatusAction.bind(null, partnerId, l.id, "new")} />
                    )}
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        <div className="border-t border-slate-100 px-4">
          <Pagination page={page} pageSize={leads.pageSize} total={leads.total} path="/console/leads" baseParams={{ status }} label="leads" />
        </div>
      </Card>
    </>
  );
}
