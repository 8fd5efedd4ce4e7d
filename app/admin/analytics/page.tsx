import type { Metadata } from "next";
import Link from "next/link";
import { CompareChart, QuarterConversionChart } from "@/components/analytics/charts";
import { FunnelChart } from "@/components/charts/funnel-chart";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Stat } from "@/components/ui/stat";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { getAdminAnalytics } from "@/lib/analytics/views";
import { getPrincipal, requireAdminPage } from "@/lib/auth/guards";
import { formatNumber } from "@/lib/format";
import { formatMoney } from "@/lib/money";

export const metadata: Metadata = { title: "Analytics · Admin" };
const PAGE_SIZE = 25;

const pct = (v: number | null) => (v === null ? "—" : `${v}%`);
const signed = (v: number | null, suffix: string) => (v === null ? "—" : `${v > 0 ? "+" : ""}${v.toFixed(1)}${suffix}`);

export default async function AdminAnalyticsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  await requireAdminPage("/admin/analytics", "analytics:read");
  const page = Math.max(1, Math.min(10_000, Number((await searchParams).page) || 1));
  const v = await getAdminAnalytics(await getPrincipal(), new Date());
  const [clicks, signups, pilots, paid] = v.funnel.total;
  const byQuarter = v.funnel.quarters.map((q) => ({ quarter: q.quarter, signupPct: q.steps[1]!.conversionPct, pilotPct: q.steps[2]!.conversionPct, paidPct: q.steps[3]!.conversionPct }));
  const d = v.deals;
  const partners = v.partners.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  return (
    <>
      <PageHeader
        eyebrow="Program admin"
        title="Analytics"
        description={`Partner-sourced funnel (counted UTM clicks → signup → pilot → paid) over the last ${v.quarters.length} quarters (${v.quarters[0]} to ${v.quarters.at(-1)}), and partner-sourced against non-partner deals.`}
        actions={
          <>
            <Link href="/admin/health" className="text-sm font-medium text-brand-700 hover:underline">Program health</Link>
            <Link href="/admin/nps/publish" className="text-sm font-medium text-brand-700 hover:underline">Publish NPS</Link>
          </>
        }
      />
      <dl className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <Stat label="Clicks" value={formatNumber(clicks!.count)} hint="Counted: once per visitor and hour, no bots" />
        <Stat label="Signups" value={formatNumber(signups!.count)} hint={`${pct(signups!.conversionPct)} of clicks`} />
        <Stat label="Pilots" value={formatNumber(pilots!.count)} hint={`${pct(pilots!.conversionPct)} of signups`} />
        <Stat label="Paid" value={formatNumber(paid!.count)} hint={`${pct(paid!.conversionPct)} of pilots`} />
      </dl>
      <div className="mt-6 grid items-start gap-6 xl:grid-cols-2">
        <Card>
          <CardHeader title="Program funnel" description={`All partners, ${v.quarters[0]} to ${v.quarters.at(-1)}`} />
          <CardBody>{clicks!.count + signups!.count === 0 ? <EmptyState title="No data yet" description="Clicks on partners' links and attributed customers appear here." /> : <FunnelChart data={v.funnel.total} />}</CardBody>
        </Card>
        <Card>
          <CardHeader title="Conversion by quarter" description="Each step as a share of the one before" />
          <CardBody>
            <QuarterConversionChart data={byQuarter} label={`Step conversion by quarter: ${byQuarter.map((q) => `${q.quarter} signup ${pct(q.signupPct)}, pilot ${pct(q.pilotPct)}, paid ${pct(q.paidPct)}`).join("; ")}`} />
          </CardBody>
        </Card>
      </div>
      <Card className="mt-6">
        <CardHeader title="Funnel by quarter" />
        <Table caption="Funnel by quarter">
          <thead className="bg-slate-50">
            <tr>
              <Th>Quarter</Th>
              <Th className="text-right">Clicks</Th>
              <Th className="text-right">Signups</Th>
              <Th className="text-right">Pilots</Th>
              <Th className="text-right">Paid</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {v.funnel.quarters.map((q) => (
              <Tr key={q.quarter}>
                <Td className="font-medium">{q.quarter}</Td>
                {q.steps.map((s, i) => (
                  <Td key={s.stage} className="text-right tabular-nums">
                    {formatNumber(s.count)}
                    {i > 0 ? <span className="ml-1 text-xs text-ink-muted">({pct(s.conversionPct)})</span> : null}
                  </Td>
                ))}
              </Tr>
            ))}
          </tbody>
        </Table>
      </Card>
      <div className="mt-6 grid items-start gap-6 xl:grid-cols-2">
        <Card>
          <CardHeader title="Close rate" description={`Won ÷ closed CRM opportunities · delta ${signed(d.closeRateDeltaPp, " pp")}`} />
          <CardBody>
            <dl className="mb-3 grid grid-cols-2 gap-4">
              <Stat label="Partner-sourced" value={d.partner.closeRate === null ? "—" : `${(d.partner.closeRate * 100).toFixed(1)}%`} hint={`${d.partner.won} won of ${d.partner.closed} closed`} />
              <Stat label="Non-partner" value={d.direct.closeRate === null ? "—" : `${(d.direct.closeRate * 100).toFixed(1)}%`} hint={`${d.direct.won} won of ${d.direct.closed} closed`} />
            </dl>
            <CompareChart unit="%" label="Close rate, partner-sourced vs non-partner" data={[{ group: "Partner-sourced", value: d.partner.closeRate === null ? null : d.partner.closeRate * 100 }, { group: "Non-partner", value: d.direct.closeRate === null ? null : d.direct.closeRate * 100 }]} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Average selling price" description={`Mean amount of won opportunities · delta ${d.aspDeltaCents === null ? "—" : `${d.aspDeltaCents > 0 ? "+" : ""}${formatMoney(d.aspDeltaCents, "USD")}`}`} />
          <CardBody>
            <dl className="mb-3 grid grid-cols-2 gap-4">
              <Stat label="Partner-sourced" value={d.partner.aspCents === null ? "—" : formatMoney(d.partner.aspCents, "USD")} />
              <Stat label="Non-partner" value={d.direct.aspCents === null ? "—" : formatMoney(d.direct.aspCents, "USD")} />
            </dl>
            <CompareChart unit="$" label="Average selling price, partner-sourced vs non-partner" data={[{ group: "Partner-sourced", value: d.partner.aspCents === null ? null : d.partner.aspCents / 100 }, { group: "Non-partner", value: d.direct.aspCents === null ? null : d.direct.aspCents / 100 }]} />
          </CardBody>
        </Card>
      </div>
      <Card className="mt-6">
        <CardHeader title="By partner" description={`${v.partners.length} partners with clicks or attributed customers`} />
        {v.partners.length === 0 ? (
          <EmptyState title="No partner activity yet" />
        ) : (
          <>
            <Table caption="Funnel by partner">
              <thead className="bg-slate-50">
                <tr>
                  <Th>Partner</Th>
                  <Th className="text-right">Clicks</Th>
                  <Th className="hidden text-right sm:table-cell">Signups</Th>
                  <Th className="hidden text-right sm:table-cell">Pilots</Th>
                  <Th className="text-right">Paid</Th>
                  <Th className="hidden text-right md:table-cell">Click → paid</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {partners.map((p) => (
                  <Tr key={p.partnerId}>
                    <Td>
                      <Link href={`/admin/partners/${p.partnerId}`} className="font-medium text-brand-700 hover:underline">{p.partnerName}</Link>
                    </Td>
                    <Td className="text-right tabular-nums">{formatNumber(p.clicks)}</Td>
                    <Td className="hidden text-right tabular-nums sm:table-cell">{formatNumber(p.signups)}</Td>
                    <Td className="hidden text-right tabular-nums sm:table-cell">{formatNumber(p.pilots)}</Td>
                    <Td className="text-right tabular-nums">{formatNumber(p.paid)}</Td>
                    <Td className="hidden text-right tabular-nums md:table-cell">{p.clicks ? `${((p.paid / p.clicks) * 100).toFixed(1)}%` : "—"}</Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
            <Pagination page={page} pageSize={PAGE_SIZE} total={v.partners.length} path="/admin/analytics" baseParams={{}} label="partners" />
          </>
        )}
      </Card>
    </>
  );
}
