import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { getPublishedQuarters } from "@/lib/analytics/views";
import { formatDate } from "@/lib/format";
import { formatNps } from "@/lib/nps/score";

export const metadata: Metadata = { title: "Partner program NPS", description: "Quarterly Net Promoter Scores of the partner program, with response counts, margins of error and methodology." };
export const dynamic = "force-dynamic";

const moe = (v: number | null) => (v === null ? "" : ` ± ${Math.round(v)}`);

export default async function NpsQuartersPage() {
  const quarters = await getPublishedQuarters();
  return (
    <div className="mx-auto max-w-page px-4 py-10 sm:px-6">
      <PageHeader
        title="Partner program NPS"
        description="Every quarter we ask partners how likely they are to recommend the program, and customers how likely they are to recommend the partner who installed Content Credentials for them. Published quarters are frozen: the figures are the ones computed at publication."
      />
      <Card>
        {quarters.length === 0 ? (
          <EmptyState title="No quarter published yet" description="Figures appear here once a quarter is over and published." />
        ) : (
          <Table caption="Published quarters">
            <thead className="bg-slate-50">
              <tr>
                <Th>Quarter</Th>
                <Th className="text-right">Partner NPS</Th>
                <Th className="text-right">Customer NPS of partners</Th>
                <Th className="hidden sm:table-cell">Published</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {quarters.map((q) => (
                <Tr key={q.quarter}>
                  <Td>
                    <Link href={`/nps/quarters/${q.slug}`} className="font-medium text-brand-700 hover:underline">{q.quarter}</Link>
                  </Td>
                  <Td className="text-right tabular-nums">{formatNps(q.partner.nps)}{moe(q.partner.marginOfError)} <span className="text-xs text-ink-muted">n = {q.partner.n}</span></Td>
                  <Td className="text-right tabular-nums">{formatNps(q.customer.nps)}{moe(q.customer.marginOfError)} <span className="text-xs text-ink-muted">n = {q.customer.n}</span></Td>
                  <Td className="hidden text-ink-muted sm:table-cell">{formatDate(q.publishedAt)}</Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}
