import type { Metadata } from "next";
import Link from "next/link";
import { ClicksChart } from "@/components/charts/clicks-chart";
import { FunnelChart } from "@/components/charts/funnel-chart";
import { NoPartner } from "@/components/console/no-partner";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { QuarterConversionChart } from "@/components/analytics/charts";
import { getPartnerAnalytics } from "@/lib/analytics/views";
import { getPerformanceView } from "@/lib/attribution/console";
import { getPrincipal, requireConsole } from "@/lib/auth/guards";
import { formatDateTime, formatNumber } from "@/lib/format";
import { formatMoney } from "@/lib/money";

export const metadata: Metadata = { title: "Performance" };

const VIA_LABELS: Record<string, string> = { customer: "Existing customer", deal: "Deal registration", click: "Tracking link", partner_id: "Partner id" };

export default async function PerformancePage() {
  const { viewer, partnerId } = await requireConsole("/console/performance", "links:read");
  if (!partnerId) return <NoPartner isAdmin={viewer.isAdmin} />;
  const now = new Date();
  const principal = await getPrincipal();
  const [v, a] = await Promise.all([getPerformanceView(principal, partnerId, now), getPartnerAnalytics(principal, partnerId, now)]);
  const pct = (x: number | null) => (x === null ? "—" : `${x}%`);
  const byQuarter = a.funnel.quarters.map((q) => ({ quarter: q.quarter, signupPct: q.steps[1]!.conversionPct, pilotPct: q.steps[2]!.conversionPct, paidPct: q.steps[3]!.conversionPct }));
  const [clicks, signups, pilots, paid] = v.funnel;
  return (
    <>
      <PageHeader title="Performance" description={`Your referral funnel over the last ${v.days} days: counted clicks on your links, then the customers attributed to you at each stage.`} />
      <dl className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <Stat label="Clicks" value={formatNumber(clicks!.count)} hint="Counted: once per visitor and hour, no bots" />
        <Stat label="Signups" value={formatNumber(signups!.count)} hint={signups!.conversionPct === null ? "—" : `${signups!.conversionPct}% of clicks`} />
        <Stat label="Pilots" value={formatNumber(pilots!.count)} hint={pilots!.conversionPct === null ? "—" : `${pilots!.conversionPct}% of signups`} />
        <Stat label="Paid" value={formatNumber(paid!.count)} hint={paid!.conversionPct === null ? "—" : `${paid!.conversionPct}% of pilots`} />
      </dl>
      <div className="mt-6 grid items-start gap-6 xl:grid-cols-2">
        <Card>
          <CardHeader title="Funnel" description="UTM click → signup → pilot → paid" />
          <CardBody>
            {clicks!.count + signups!.count === 0 ? (
              <EmptyState title="No data yet" description="Share a tracking link; clicks and signups will show here." />
            ) : (
              <FunnelChart data={v.funnel} />
            )}
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Clicks per day" description="Last 30 days, counted and raw" />
          <CardBody>
            <ClicksChart data={v.trend} />
          </CardBody>
        </Card>
      </div>
      <div className="mt-6 grid items-start gap-6 xl:grid-cols-2">
        <Card>
          <CardHeader title="Your funnel by quarter" description="Each step's count, and its share of the step before" />
          <Table caption="Your funnel by quarter">
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
              {a.funnel.quarters.map((q) => (
                <Tr key={q.quarter}>
                  <Td className="font-medium">{q.quarter}</Td>
                  {q.steps.map((st, i) => (
                    <Td key={st.stage} className="text-right tabular-nums">
                      {formatNumber(st.count)}
                      {i > 0 ? <span className="ml-1 text-xs text-ink-muted">({pct(st.conversionPct)})</span> : null}
                    </Td>
                  ))}
                </Tr>
              ))}
            </tbody>
          </Table>
        </Card>
        <Card>
          <CardHeader title="Conversion by quarter" description={<>How visits from your links show in GA4: <Link href="/console/links/ga4" className="font-medium text-brand-700 hover:underline">GA4 and UTM tags</Link></>} />
          <CardBody>
            <QuarterConversionChart data={byQuarter} label={`Your step conversion by quarter: ${byQuarter.map((q) => `${q.quarter} signup ${pct(q.signupPct)}, pilot ${pct(q.pilotPct)}, paid ${pct(q.paidPct)}`).join("; ")}`} />
          </CardBody>
        </Card>
      </div>
      <Card className="mt-6">
        <CardHeader title="Recent attributed events" />
        {v.recent.length === 0 ? (
          <EmptyState title="No attributed events yet" description="Signups, pilots and payments matched to you appear here." />
        ) : (
          <Table caption="Recent attributed events">
            <thead className="bg-slate-50">
              <tr>
                <Th>When</Th>
                <Th>Event</Th>
                <Th className="hidden sm:table-cell">Customer</Th>
                <Th className="hidden md:table-cell">Matched by</Th>
                <Th className="text-right">Amount</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {v.recent.map((c) => (
                <Tr key={c.id}>
                  <Td className="text-ink-muted">{formatDateTime(c.occurredAt)}</Td>
                  <Td>
                    <Badge tone={c.type === "paid" ? "green" : c.type === "pilot" ? "violet" : "blue"}>{c.type}</Badge>
                    {c.fraudFlags?.length ? <Badge tone="red" className="ml-1">flagged</Badge> : null}
                  </Td>
                  <Td className="hidden sm:table-cell">{c.company ?? c.customerDomain ?? <span className="font-mono text-xs">{c.customerId}</span>}</Td>
                  <Td className="hidden text-ink-muted md:table-cell">{VIA_LABELS[c.matchedVia ?? ""] ?? "—"}</Td>
                  <Td className="text-right tabular-nums">{c.amountCents !== null && c.currency ? formatMoney(c.amountCents, c.currency) : "—"}</Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
