import type { Metadata } from "next";
import { NoPartner } from "@/components/console/no-partner";
import { SurvivalBadge } from "@/components/evidence/badges";
import { SurvivalTrendChart, TtiWeeklyChart } from "@/components/evidence/charts";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { getPrincipal, requireConsole } from "@/lib/auth/guards";
import { formatRelative } from "@/lib/format";
import { STACK_LABELS } from "@/lib/partners/constants";
import { formatDuration, formatRate, meetsTtiBar } from "@/lib/quality/rules";
import { getPartnerQuality } from "@/lib/quality/views";

export const metadata: Metadata = { title: "Survival and TTI" };

function Tti({ seconds, bar }: { seconds: number | null; bar: number }) {
  if (seconds === null) return <span className="text-ink-subtle">—</span>;
  return <span className={seconds <= bar ? "text-ink" : "font-medium text-red-700"}>{formatDuration(seconds)}</span>;
}

export default async function SurvivalPage() {
  const { viewer, partnerId } = await requireConsole("/console/survival", "installs:read");
  if (!partnerId) return <NoPartner isAdmin={viewer.isAdmin} />;
  const now = new Date();
  const q = await getPartnerQuality(await getPrincipal(), partnerId, now);
  const w30 = q.windows.find((w) => w.days === 30)!;
  return (
    <>
      <PageHeader
        title="Survival and TTI"
        description={`Your installs' evidence, from the rollups${q.rolledAt ? ` updated ${formatRelative(q.rolledAt, now)}` : " (not computed yet)"}. Bars: survival at least 99.9%; TTI within 15 minutes on WordPress and Shopify, a day on custom stacks and Workers.`}
      />
      <dl className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <Stat label="Installs" value={q.totals.started} hint={`${q.totals.verified} verified`} />
        <Stat label="TTI p50 (all stacks)" value={formatDuration(q.totals.p50)} hint={`p95 ${formatDuration(q.totals.p95)}`} />
        <Stat label="Survival, 30 days" value={<SurvivalBadge checked={w30.checked} survived={w30.survived} />} hint={`${w30.checks} checks · ${w30.checked.toLocaleString("en-US")} assets`} />
        <Stat label="Evidence packs exported" value={q.exports} hint="Counted for the Auditor track" />
      </dl>
      <div className="mt-6 space-y-6">
        <Card>
          <CardHeader title="Survival, last 90 days" description="All your installs together, per day." />
          <CardBody>
            <SurvivalTrendChart data={q.daily} series={[{ key: "all", label: "Survival" }]} label="Daily survival of your installs over 90 days" />
          </CardBody>
        </Card>
        <div className="grid items-start gap-6">
          <Card>
            <CardHeader title="Survival by window" description="Yours against the program (all partner-led installs)." />
            <Table caption="Survival by window">
              <thead className="bg-slate-50">
                <tr>
                  <Th>Window</Th>
                  <Th>You</Th>
                  <Th>Program</Th>
                  <Th className="hidden sm:table-cell">Checks</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {q.windows.map((w, idx) => (
                  <Tr key={w.days}>
                    <Td>{w.days} days</Td>
                    <Td>
                      <SurvivalBadge checked={w.checked} survived={w.survived} />
                    </Td>
                    <Td className="text-ink-muted">{formatRate(q.programWindows[idx]!.checked ? q.programWindows[idx]!.survived / q.programWindows[idx]!.checked : null)}</Td>
                    <Td className="hidden sm:table-cell">{w.checks}</Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
            {q.byStack.length ? (
              <Table caption="Survival by platform">
                <thead className="bg-slate-50">
                  <tr>
                    <Th>Platform</Th>
                    <Th>7 days</Th>
                    <Th>30 days</Th>
                    <Th>90 days</Th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {q.byStack.map((s) => (
                    <Tr key={s.stack}>
                      <Td>{STACK_LABELS[s.stack]}</Td>
                      {s.windows.map((w) => (
                        <Td key={w.days}>
                          <SurvivalBadge checked={w.checked} survived={w.survived} />
                        </Td>
                      ))}
                    </Tr>
                  ))}
                </tbody>
              </Table>
            ) : null}
          </Card>
          <Card>
            <CardHeader title="Time to install by stack" description="Yours, the program's and self-serve customers' (no partner)." />
            <Table caption="TTI by stack">
              <thead className="bg-slate-50">
                <tr>
                  <Th>Stack</Th>
                  <Th>Bar</Th>
                  <Th>Your p50</Th>
                  <Th>Your p95</Th>
                  <Th className="hidden md:table-cell">Program p50</Th>
                  <Th className="hidden md:table-cell">Self-serve p50</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {q.tti.map((t) => (
                  <Tr key={t.stack}>
                    <Td>
                      {STACK_LABELS[t.stack]}
                      <div className="text-xs text-ink-subtle">{t.mine ? `${t.mine.verified} of ${t.mine.started} verified` : "No installs"}</div>
                    </Td>
                    <Td className="text-ink-muted">{formatDuration(t.bar)}</Td>
                    <Td>
                      <Tti seconds={t.mine?.p50 ?? null} bar={t.bar} />
                      {t.mine?.p50 != null && !meetsTtiBar(t.stack, t.mine.p50) ? <span className="sr-only"> (over the bar)</span> : null}
                    </Td>
                    <Td>
                      <Tti seconds={t.mine?.p95 ?? null} bar={t.bar} />
                    </Td>
                    <Td className="hidden text-ink-muted md:table-cell">{formatDuration(t.program?.p50 ?? null)}</Td>
                    <Td className="hidden text-ink-muted md:table-cell">{formatDuration(t.selfServe?.p50 ?? null)}</Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
          </Card>
        </div>
        <Card>
          <CardHeader title="TTI trend by week" description="p50 and p95 of the installs verified each week, all stacks (log scale)." />
          <CardBody>
            {q.weekly.length ? (
              <TtiWeeklyChart data={q.weekly.map((w) => ({ week: w.week, p50: w.p50 ?? 0, p95: w.p95 ?? 0 }))} />
            ) : (
              <p className="text-sm text-ink-muted">No verified installs in the last six months.</p>
            )}
          </CardBody>
        </Card>
      </div>
    </>
  );
}
