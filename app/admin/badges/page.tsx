import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/evidence/action-button";
import { ReasonActions } from "@/components/badges/reason-actions";
import { BadgeStateBadge, ViolationStatusBadge } from "@/components/badges/state-badge";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input, Select } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Stat } from "@/components/ui/stat";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { BADGE_STATES } from "@/db/schema/badges";
import { requireAdminPage } from "@/lib/auth/guards";
import { escalateViolationAction, resolveViolationAction, restoreBadgeAction, revokeBadgeAction } from "@/lib/badges/actions";
import { getAdminBadgesView } from "@/lib/badges/admin";
import { BADGE_LABELS, STATE_LABELS, badgeTitle } from "@/lib/badges/model";
import { VIOLATION_LABELS } from "@/lib/badges/rules";
import { adminBadgesParams } from "@/lib/badges/schemas";
import { formatDate, formatNumber } from "@/lib/format";
import { flattenSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Badges · Admin" };
const PAGE_SIZE = 15;
const FILTERS = [
  ["live", "Needs action"],
  ["open", "Open"],
  ["fix_claimed", "Fix claimed"],
  ["resolved", "Resolved"],
  ["escalated", "Escalated"],
  ["all", "All"],
] as const;

export default async function AdminBadgesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdminPage("/admin/badges", "badges:review");
  const q = adminBadgesParams.parse(flattenSearchParams(await searchParams));
  const now = new Date();
  const v = await getAdminBadgesView(now, { status: q.status, page: q.page, pageSize: PAGE_SIZE, q: q.q, state: q.state });
  return (
    <>
      <PageHeader title="Badges" description="Brand violations found by the badge scanner and the embed log, with their deadlines; badge lookup, revocation and restore." />
      <dl className="mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4" aria-label="Summary">
        <Stat label="Active badges" value={formatNumber(v.states.active + v.states.probation)} hint={`${formatNumber(v.states.probation)} on probation`} />
        <Stat label="Expired or revoked" value={formatNumber(v.states.expired + v.states.revoked)} hint={`${formatNumber(v.states.revoked)} revoked`} />
        <Stat label="Open violations" value={formatNumber(v.violations.open + v.violations.fix_claimed)} hint={`${formatNumber(v.overdue)} overdue on this page`} />
        <Stat label="Escalated" value={formatNumber(v.violations.escalated)} hint={`${formatNumber(v.violations.resolved)} resolved`} />
      </dl>

      <Card>
        <CardHeader title="Violations queue" description="Oldest deadline first. Resolve with a note, or escalate: the badge is revoked with your reason and the partner is told." />
        <nav aria-label="Filter violations" className="flex flex-wrap gap-2 border-b border-slate-100 px-5 py-3">
          {FILTERS.map(([key, label]) => (
            <Link
              key={key}
              href={key === "live" ? "/admin/badges" : `/admin/badges?status=${key}`}
              aria-current={q.status === key ? "page" : undefined}
              className={q.status === key ? "rounded-full bg-brand-700 px-3 py-1 text-sm font-medium text-white" : "rounded-full bg-slate-100 px-3 py-1 text-sm text-ink hover:bg-slate-200"}
            >
              {label}
            </Link>
          ))}
        </nav>
        {v.rows.length === 0 ? (
          <EmptyState title="Nothing here" description="No violations match this filter." />
        ) : (
          <>
            <Table caption="Badge violations">
              <thead className="bg-slate-50">
                <tr>
                  <Th>Violation</Th>
                  <Th className="hidden lg:table-cell">Status</Th>
                  <Th className="hidden md:table-cell">Deadline</Th>
                  <Th>Decision</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {v.rows.map((x) => (
                  <Tr key={x.id} data-testid="admin-violation-row">
                    <Td className="max-w-md align-top">
                      <div className="font-medium">
                        <Link href={`/admin/partners/${x.partnerId}`} className="text-brand-700 underline underline-offset-2">
                          {x.partnerName}
                        </Link>{" "}
                        · {VIOLATION_LABELS[x.kind]}
                      </div>
                      <div className="text-xs break-all text-ink-muted">{x.pageUrl ?? x.host}</div>
                      <div className="mt-1 text-xs text-ink-muted">{x.detail}</div>
                      <div className="mt-1 text-xs text-ink-subtle">
                        Opened {formatDate(x.openedAt)} · seen {x.scanCount}× · {x.badge ? BADGE_LABELS[x.badge as keyof typeof BADGE_LABELS] : "no badge named"}
                        {x.notifiedAt ? ` · partner emailed ${formatDate(x.notifiedAt)}` : ""}
                      </div>
                      <div className="mt-1 lg:hidden">
                        <ViolationStatusBadge status={x.status} />
                      </div>
                    </Td>
                    <Td className="hidden align-top lg:table-cell">
                      <ViolationStatusBadge status={x.status} />
                    </Td>
                    <Td className="hidden align-top md:table-cell">
                      {x.live ? (
                        <span className={x.overdue ? "font-medium text-red-700" : "text-ink-muted"}>
                          {formatDate(x.deadlineAt)}
                          {x.overdue ? <Badge tone="red" className="ml-1">Overdue</Badge> : null}
                        </span>
                      ) : (
                        <span className="text-xs text-ink-muted">{x.resolution}</span>
                      )}
                    </Td>
                    <Td className="min-w-64 align-top">
                      {x.live ? (
                        <ReasonActions
                          label="Note or reason"
                          testId={`decide-${x.id}`}
                          actions={[
                            { label: "Resolve", field: "note", run: resolveViolationAction.bind(null, x.id), variant: "secondary" },
                            { label: "Escalate and revoke", field: "reason", run: escalateViolationAction.bind(null, x.id), variant: "danger", confirm: "Revoke the partner's badge?" },
                          ]}
                        />
                      ) : (
                        <span className="text-xs text-ink-muted">Closed {formatDate(x.closedAt)}</span>
                      )}
                    </Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
            <div className="border-t border-slate-100 px-4">
              <Pagination page={q.page} pageSize={PAGE_SIZE} total={v.total} path="/admin/badges" baseParams={{ status: q.status === "live" ? undefined : q.status, q: q.q, state: q.state }} label="violations" />
            </div>
          </>
        )}
      </Card>

      <Card className="mt-6">
        <CardHeader title="Badge lookup" description="Find a badge by its id, or a partner by name; revoke with a reason or restore a revoked badge." />
        <CardBody>
          <form method="get" action="/admin/badges" className="flex flex-col gap-2 sm:flex-row" role="search">
            {q.status !== "live" ? <input type="hidden" name="status" value={q.status} /> : null}
            <label htmlFor="badge-q" className="sr-only">
              Badge id or partner name
            </label>
            <Input id="badge-q" name="q" defaultValue={q.q ?? ""} placeholder="bdg_… or partner name" className="sm:max-w-md" />
            <label htmlFor="badge-state" className="sr-only">
              Badge state
            </label>
            <Select id="badge-state" name="state" defaultValue={q.state ?? ""} className="sm:max-w-40">
              <option value="">Any state</option>
              {BADGE_STATES.map((s) => (
                <option key={s} value={s}>
                  {STATE_LABELS[s]}
                </option>
              ))}
            </Select>
            <button type="submit" className={buttonClasses("secondary")}>
              Search
            </button>
          </form>
        </CardBody>
        {v.badges.length === 0 ? (
          <EmptyState title="No badges found" description={q.q || q.state ? "Try another id, name or state." : "Search for a badge id or a partner name."} />
        ) : (
          <Table caption="Badges">
            <thead className="bg-slate-50">
              <tr>
                <Th>Badge</Th>
                <Th>State</Th>
                <Th className="hidden md:table-cell">Held since</Th>
                <Th>Action</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {v.badges.map((b) => (
                <Tr key={b.id} data-testid="admin-badge-row">
                  <Td className="align-top">
                    <div className="font-medium">{b.partnerName}</div>
                    <div className="text-sm">{badgeTitle(b)}</div>
                    <Link href={`/verify/${b.id}`} className="font-mono text-xs break-all text-brand-700 underline underline-offset-2">
                      {b.id}
                    </Link>
                  </Td>
                  <Td className="align-top">
                    <BadgeStateBadge state={b.state} />
                    {b.state === "revoked" && b.revokedReason ? <div className="mt-1 max-w-48 text-xs text-ink-muted">{b.revokedReason}</div> : null}
                  </Td>
                  <Td className="hidden align-top text-ink-muted md:table-cell">{formatDate(b.issuedAt)}</Td>
                  <Td className="min-w-64 align-top">
                    {b.state === "revoked" ? (
                      <ActionButton action={restoreBadgeAction.bind(null, b.id)} label="Restore" size="sm" variant="secondary" confirm="Restore this badge?" />
                    ) : (
                      <ReasonActions label="Revocation reason" actions={[{ label: "Revoke", field: "reason", run: revokeBadgeAction.bind(null, b.id), variant: "danger", confirm: "Revoke this badge? Its image will show REVOKED everywhere." }]} />
                    )}
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
