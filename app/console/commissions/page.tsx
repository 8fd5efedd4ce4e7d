import type { Metadata } from "next";
import Link from "next/link";
import { CommissionStatusFilter } from "@/components/commissions/filter";
import { CommissionStatusBadge } from "@/components/commissions/status-badge";
import { CommissionTotals } from "@/components/commissions/totals";
import { NoPartner } from "@/components/console/no-partner";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { commissionsParams } from "@/lib/attribution/params";
import { getPrincipal, requireConsole } from "@/lib/auth/guards";
import { getPartnerCommissionsView } from "@/lib/commissions/console";
import { COMMISSION_KIND_LABELS } from "@/lib/commissions/labels";
import { COMMISSION_PLAN, PRODUCTS } from "@/lib/commissions/plans";
import { formatDate } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import { flattenSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Commissions" };
const PAGE_SIZE = 25;

export default async function CommissionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { viewer, partnerId } = await requireConsole("/console/commissions", "commissions:read");
  if (!partnerId) return <NoPartner isAdmin={viewer.isAdmin} />;
  const q = commissionsParams.parse(flattenSearchParams(await searchParams));
  const v = await getPartnerCommissionsView(await getPrincipal(), partnerId, { status: q.status, page: q.page, pageSize: PAGE_SIZE });
  const estTotal = Object.entries(v.estimates.totals);
  return (
    <>
      <PageHeader
        title="Commissions"
        description={`What you have earned from attributed customers: a share of their first ${COMMISSION_PLAN.subscriptionTermMonths} months of subscription revenue and of add-ons, plus bounties. Each commission is pending for ${COMMISSION_PLAN.holdDays} days so refunds can land, then payable.`}
      />
      <h2 className="mb-3 text-sm font-semibold tracking-wide text-ink-subtle uppercase">Actual</h2>
      <CommissionTotals totals={v.totals} />

      <Card className="mt-6">
        <CardHeader title="Commission lines" description="Newest first" actions={<CommissionStatusFilter path="/console/commissions" current={q.status} />} />
        {v.rows.length === 0 ? (
          <EmptyState title="No commissions here yet" description="When a customer you referred pays, its commission appears here." />
        ) : (
          <>
            <Table caption="Commissions">
              <thead className="bg-slate-50">
                <tr>
                  <Th>Earned</Th>
                  <Th>What</Th>
                  <Th className="hidden md:table-cell">Customer</Th>
                  <Th className="hidden text-right lg:table-cell">Base × rate</Th>
                  <Th className="text-right">Amount</Th>
                  <Th>State</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {v.rows.map((c) => (
                  <Tr key={c.id}>
                    <Td className="text-ink-muted">{formatDate(c.earnedAt)}</Td>
                    <Td>
                      <div className="font-medium">{COMMISSION_KIND_LABELS[c.kind]}</div>
                      <div className="text-xs text-ink-subtle">{c.sku ? (PRODUCTS[c.sku]?.label ?? c.sku) : "—"}</div>
                    </Td>
                    <Td className="hidden font-mono text-xs md:table-cell">{c.customerId}</Td>
                    <Td className="hidden text-right text-ink-muted tabular-nums lg:table-cell">
                      {c.rateBps !== null ? `${formatMoney(c.baseCents, c.currency)} × ${c.rateBps / 100}%` : c.kind === "bounty" ? "fixed" : "—"}
                    </Td>
                    <Td className="text-right font-medium tabular-nums">
                      {c.status === "reversed" ? <span className="text-ink-subtle line-through">{formatMoney(c.grossCents, c.currency)}</span> : formatMoney(c.amountCents, c.currency)}
                      {c.refundedCents ? <div className="text-xs font-normal text-ink-subtle">−{formatMoney(c.refundedCents, c.currency)} refunded</div> : null}
                    </Td>
                    <Td>
                      <CommissionStatusBadge status={c.status} />
                      {c.status === "pending" ? <div className="mt-0.5 text-xs text-ink-subtle">payable {formatDate(c.holdUntil)}</div> : null}
                      {c.status === "held" && c.heldReasons?.length ? <div className="mt-0.5 text-xs text-red-700">{c.heldReasons.map((r) => r.detail).join("; ")}</div> : null}
                      {c.status === "reversed" && c.reversalReason ? <div className="mt-0.5 text-xs text-ink-subtle">{c.reversalReason}</div> : null}
                    </Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
            <div className="border-t border-slate-100 px-4">
              <Pagination page={q.page} pageSize={PAGE_SIZE} total={v.total} path="/console/commissions" baseParams={{ status: q.status }} label="commissions" />
            </div>
          </>
        )}
      </Card>

      <h2 className="mt-10 mb-3 text-sm font-semibold tracking-wide text-ink-subtle uppercase">Estimated</h2>
      <Card>
        <CardHeader
          title="Estimated from open deals and pilots"
          description={
            <>
              What your <Link href="/console/deals" className="text-brand-700 underline">registered deals</Link> and open pilots would earn at your current rate if they close as estimated. Not earned yet, never paid from here.
              {estTotal.length ? <span className="font-medium text-ink"> Total {estTotal.map(([cur, a]) => formatMoney(a, cur)).join(" · ")}.</span> : null}
            </>
          }
        />
        {v.estimates.lines.length === 0 ? (
          <EmptyState title="Nothing estimated" description="Register an opportunity to see what it could earn." />
        ) : (
          <Table caption="Estimated commissions">
            <thead className="bg-slate-50">
              <tr>
                <Th>From</Th>
                <Th>Opportunity</Th>
                <Th className="hidden text-right sm:table-cell">Estimated value × rate</Th>
                <Th className="text-right">Estimated commission</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {v.estimates.lines.map((l) => (
                <Tr key={`${l.source}-${l.id}`}>
                  <Td>
                    <Badge tone={l.source === "deal" ? "blue" : "violet"}>{l.source === "deal" ? "Registered deal" : "Open pilot"}</Badge>
                  </Td>
                  <Td>{l.source === "deal" ? <Link href={`/console/deals/${l.id}`} className="text-brand-800 hover:underline">{l.label}</Link> : l.label}</Td>
                  <Td className="hidden text-right text-ink-muted tabular-nums sm:table-cell">
                    {formatMoney(l.baseCents, l.currency)} × {l.rateBps / 100}%
                  </Td>
                  <Td className="text-right tabular-nums">{formatMoney(l.amountCents, l.currency)}</Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
