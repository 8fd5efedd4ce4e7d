import type { Metadata } from "next";
import { TrendChart, type Format } from "@/components/analytics/charts";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { getProgramHealth } from "@/lib/analytics/views";
import { getPrincipal, requireAdminPage } from "@/lib/auth/guards";
import { formatMoney } from "@/lib/money";

export const metadata: Metadata = { title: "Program health · Admin" };

const pct = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(1)}%`);
const nps = (v: number | null) => (v === null ? "—" : v > 0 ? `+${Math.round(v)}` : String(Math.round(v)));
const mins = (v: number | null) => (v === null ? "—" : v >= 7200 ? `${(v / 3600).toFixed(1)} h` : `${Math.round(v / 60)} min`);

export default async function ProgramHealthPage() {
  await requireAdminPage("/admin/health", "analytics:read");
  const h = await getProgramHealth(await getPrincipal(), new Date());
  const last = h.series.at(-1)!;
  const charts: { title: string; description: string; format: Format; series: { key: string; label: string }[]; log?: boolean }[] = [
    { title: "Partner acquisition rate", description: "Partners joined in the month ÷ partners in the program at its start", format: "pct", series: [{ key: "acquisitionRate", label: "Acquisition" }] },
    { title: "Partner retention rate", description: "Partners active in the month before who were active again (installs, deals or attributed customers)", format: "pct", series: [{ key: "retentionRate", label: "Retention" }] },
    { title: "Average deal size", description: "Mean paid amount of partner-attributed payments (USD)", format: "money", series: [{ key: "avgDealCents", label: "Average deal" }] },
    { title: "NPS trend", description: "Answers given in the month; customers about partners and partners about the program", format: "nps", series: [{ key: "customerNps", label: "Customer NPS" }, { key: "partnerNps", label: "Partner NPS" }] },
    { title: "Commission payout accuracy", description: "Share of payouts paid in the month whose total equals the ledger entries they settle, recomputed from the ledger", format: "pct", series: [{ key: "payoutAccuracy", label: "Accuracy" }] },
    { title: "Quality incident rate", description: "Certification quality incidents opened in the month, as a share of installs recorded by its end", format: "pct", series: [{ key: "qualityIncidentRate", label: "Incidents per install" }] },
    { title: "Brand compliance rate", description: "Badge-holding partners without a badge misuse violation opened in the month", format: "pct", series: [{ key: "brandComplianceRate", label: "Compliant" }] },
    { title: "TTI trend", description: "Median time to install of installs verified in the month (log scale)", format: "minutes", series: [{ key: "ttiPartnerP50", label: "Partner-led p50" }, { key: "ttiSelfP50", label: "Self-serve p50" }], log: true },
  ];
  return (
    <>
      <PageHeader eyebrow="Program admin" title="Program health" description={`Monthly trends over the last 12 months (${h.months[0]} to ${h.months.at(-1)}), UTC months; the current month is partial.`} />
      <div className="grid items-start gap-6 xl:grid-cols-2">
        {charts.filter((c) => !h.unmeasured.some((m) => c.series.some((s) => s.key === m.key))).map((c) => (
          <Card key={c.title}>
            <CardHeader title={c.title} description={c.description} />
            <CardBody>
              <TrendChart data={h.series} series={c.series} label={`${c.title} by month`} format={c.format} log={c.log} />
            </CardBody>
          </Card>
        ))}
        {h.unmeasured.map((m) => (
          <Card key={m.key}>
            <CardHeader title={m.label} description={m.key === "payoutAccuracy" ? "Paid amounts against a recomputation from the payout ledger" : m.key === "qualityIncidentRate" ? "Certification quality incidents per active install" : "Partners displaying badges without a misuse violation"} />
            <CardBody>
              <p className="flex flex-wrap items-center gap-2 text-sm text-ink-muted" data-testid={`unmeasured-${m.key}`}>
                <Badge tone="gray">Not measured yet</Badge> {m.reason}
              </p>
            </CardBody>
          </Card>
        ))}
      </div>
      <Card className="mt-6">
        <CardHeader title="By month" description={`Latest month: acquisition ${pct(last.acquisitionRate)}, retention ${pct(last.retentionRate)}`} />
        <Table caption="Program health by month">
          <thead className="bg-slate-50">
            <tr>
              <Th>Month</Th>
              <Th className="text-right">Joined</Th>
              <Th className="text-right">Acquisition</Th>
              <Th className="text-right">Retention</Th>
              <Th className="hidden text-right md:table-cell">Avg deal</Th>
              <Th className="hidden text-right lg:table-cell">Customer NPS</Th>
              <Th className="hidden text-right lg:table-cell">Partner NPS</Th>
              <Th className="hidden text-right md:table-cell">TTI p50 partner / self</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {[...h.series].reverse().map((m) => (
              <Tr key={m.month}>
                <Td className="whitespace-nowrap font-medium">{m.month}</Td>
                <Td className="text-right tabular-nums">{m.joined}</Td>
                <Td className="text-right tabular-nums">{pct(m.acquisitionRate)}</Td>
                <Td className="text-right tabular-nums">{pct(m.retentionRate)}</Td>
                <Td className="hidden text-right tabular-nums md:table-cell">{m.avgDealCents === null ? "—" : formatMoney(m.avgDealCents, "USD")}</Td>
                <Td className="hidden text-right tabular-nums lg:table-cell">{nps(m.customerNps)} <span className="text-xs text-ink-muted">n={m.customerNpsN}</span></Td>
                <Td className="hidden text-right tabular-nums lg:table-cell">{nps(m.partnerNps)} <span className="text-xs text-ink-muted">n={m.partnerNpsN}</span></Td>
                <Td className="hidden text-right tabular-nums md:table-cell">{mins(m.ttiPartnerP50)} / {mins(m.ttiSelfP50)}</Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      </Card>
    </>
  );
}
