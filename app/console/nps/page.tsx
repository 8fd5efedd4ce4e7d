import type { Metadata } from "next";
import { NoPartner } from "@/components/console/no-partner";
import { NpsChart } from "@/components/evidence/charts";
import { ScoreBadge } from "@/components/evidence/badges";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Stat } from "@/components/ui/stat";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { getPrincipal, requireConsole } from "@/lib/auth/guards";
import { formatDate } from "@/lib/format";
import { formatNps } from "@/lib/nps/score";
import { getPartnerNps } from "@/lib/nps/views";

export const metadata: Metadata = { title: "Customer NPS" };

export default async function NpsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const { viewer, partnerId } = await requireConsole("/console/nps", "nps:read");
  if (!partnerId) return <NoPartner isAdmin={viewer.isAdmin} />;
  const page = Math.max(1, Number((await searchParams).page) || 1);
  const n = await getPartnerNps(await getPrincipal(), partnerId, new Date(), page);
  const current = n.quarters[n.quarters.length - 1]!;
  const last = [...n.quarters].reverse().find((q) => q.n > 0);
  return (
    <>
      <PageHeader
        title="Customer NPS"
        description="What your customers answer, each quarter, to “How likely are you to recommend us?”: % promoters (9–10) minus % detractors (0–6), with a 95% margin of error."
      />
      <dl className="grid gap-4 sm:grid-cols-3">
        <Stat label={`This quarter (${current.quarter})`} value={formatNps(current.nps)} hint={current.n ? `${current.n} responses · ±${Math.round(current.marginOfError ?? 0)}` : "No responses yet"} />
        <Stat label="Latest quarter with answers" value={formatNps(last?.nps ?? null)} hint={last ? `${last.quarter} · ${last.n} responses` : "—"} />
        <Stat label="All time" value={formatNps(n.allTime.nps)} hint={`${n.allTime.n} responses: ${n.allTime.promoters} promoters, ${n.allTime.passives} passives, ${n.allTime.detractors} detractors`} />
      </dl>
      <div className="mt-6 grid items-start gap-6 xl:grid-cols-2">
        <Card>
          <CardHeader title="NPS by quarter" description="Bars show the score; whiskers the 95% margin of error." />
          <CardBody>
            <NpsChart
              label="Customer NPS by quarter"
              data={n.quarters.map((q) => ({ quarter: q.quarter, nps: q.nps, moe: q.marginOfError ?? 0 }))}
              series={[{ key: "nps", label: "NPS", moe: "moe" }]}
            />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Quarters" />
          <Table caption="NPS by quarter">
            <thead className="bg-slate-50">
              <tr>
                <Th>Quarter</Th>
                <Th>NPS</Th>
                <Th>Responses</Th>
                <Th className="hidden sm:table-cell">Promoters / passives / detractors</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {[...n.quarters].reverse().map((q) => (
                <Tr key={q.quarter}>
                  <Td>{q.quarter}</Td>
                  <Td className="font-medium">
                    {formatNps(q.nps)}
                    {q.marginOfError !== null ? <span className="ml-1 text-xs font-normal text-ink-subtle">±{Math.round(q.marginOfError)}</span> : null}
                  </Td>
                  <Td>{q.n}</Td>
                  <Td className="hidden sm:table-cell text-ink-muted">
                    {q.promoters} / {q.passives} / {q.detractors}
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        </Card>
      </div>
      <Card className="mt-6">
        <CardHeader title="Responses" description={`${n.responses.total} in total, newest first`} />
        {n.responses.rows.length === 0 ? (
          <EmptyState title="No responses yet" description="Customers of verified installs with a contact email are asked 14 days after verification, once a quarter." />
        ) : (
          <>
            <ul className="divide-y divide-slate-100">
              {n.responses.rows.map((r) => (
                <li key={r.id} className="flex gap-4 px-5 py-3">
                  <ScoreBadge score={r.score} />
                  <div className="min-w-0 text-sm">
                    <p className={r.comment ? "text-ink" : "text-ink-subtle italic"}>{r.comment ?? "No comment"}</p>
                    <p className="mt-0.5 text-xs text-ink-subtle">
                      {r.quarter} · {formatDate(r.respondedAt)}
                    </p>
                  </div>
                </li>
              ))}
            </ul>
            <div className="border-t border-slate-100 px-4">
              <Pagination page={page} pageSize={20} total={n.responses.total} path="/console/nps" baseParams={{}} label="responses" />
            </div>
          </>
        )}
      </Card>
    </>
  );
}
