import type { Metadata } from "next";
import Link from "next/link";
import { CommissionStatusFilter } from "@/components/commissions/filter";
import { CommissionStatusBadge } from "@/components/commissions/status-badge";
import { CommissionTotals } from "@/components/commissions/totals";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { commissionsParams } from "@/lib/attribution/params";
import { getPrincipal, requireAdminPage } from "@/lib/auth/guards";
import { getAdminCommissionsView } from "@/lib/commissions/console";
import { COMMISSION_KIND_LABELS } from "@/lib/commissions/labels";
import { formatDate } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import { flattenSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Commissions · Admin" };
const PAGE_SIZE = 25;

export default async function AdminCommissionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdminPage("/admin/commissions", "commissions:manage");
  const q = commissionsParams.parse(flattenSearchParams(await searchParams));
  const v = await getAdminCommissionsView(await getPrincipal(), { status: q.status, page: q.page, pageSize: PAGE_SIZE });
  return (
    <>
      <PageHeader
        title="Commissions"
        description={
          <>
            Every commission in the program by state. Held ones wait in{" "}
            <Link href="/admin/fraud" className="text-brand-700 underline">
              fraud holds
            </Link>
            .
          </>
        }
      />
      <CommissionTotals totals={v.totals} />
      <Card className="mt-6">
        <CardHeader title="Commission lines" actions={<CommissionStatusFilter path="/admin/commissions" current={q.status} />} />
        {v.rows.length === 0 ? (
          <EmptyState title="No commissions in this state" />
        ) : (
          <>
            <Table caption="Commissions">
              <thead className="bg-slate-50">
                <tr>
                  <Th>Earned</Th>
                  <Th>Partner</Th>
                  <Th className="hidden md:table-cell">What</Th>
                  <Th className="hidden lg:table-cell">Customer</Th>
                  <Th className="text-right">Amount</Th>
                  <Th>State</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {v.rows.map((c) => (
                  <Tr key={c.id}>
                    <Td className="text-ink-muted">{formatDate(c.earnedAt)}</Td>
                    <Td>{c.partnerName}</Td>
                    <Td className="hidden md:table-cell">
                      {COMMISSION_KIND_LABELS[c.kind]}
                      <div className="text-xs text-ink-subtle">{c.sku ?? ""}</div>
                    </Td>
                    <Td className="hidden font-mono text-xs lg:table-cell">{c.customerId}</Td>
                    <Td className="text-right font-medium tabular-nums">{c.status === "reversed" ? <span className="text-ink-subtle line-through">{formatMoney(c.grossCents, c.currency)}</span> : formatMoney(c.amountCents, c.currency)}</Td>
                    <Td>
                      <CommissionStatusBadge status={c.status} />
                    </Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
            <div className="border-t border-slate-100 px-4">
              <Pagination page={q.page} pageSize={PAGE_SIZE} total={v.total} path="/admin/commissions" baseParams={{ status: q.status }} label="commissions" />
            </div>
          </>
        )}
      </Card>
    </>
  );
}
