import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/evidence/action-button";
import { SurvivalTrendChart, TtiByStackChart } from "@/components/evidence/charts";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { getPrincipal, requireAdminPage } from "@/lib/auth/guards";
import { formatNumber, formatRelative } from "@/lib/format";
import { STACK_LABELS, type Stack } from "@/lib/partners/constants";
import { runRollupsNowAction } from "@/lib/quality/actions";
import { formatDuration, formatRate, ttiSeconds } from "@/lib/quality/rules";
import { recentInstalls } from "@/lib/quality/store";
import { getAdminQuality } from "@/lib/quality/views";
import { formatDate } from "@/lib/format";
import { Pagination } from "@/components/ui/pagination";
import { StackBadge, SurvivalBadge, VerifiedBadge } from "@/components/evidence/badges";

export const metadata: Metadata = { title: "Quality · Admin" };

const SHORT_STACK: Record<Stack, string> = { wordpress: "WordPress", shopify: "Shopify", workers: "Workers", custom: "Custom" };

export default async function AdminQualityPage({ searchParams }: { searchParams: Promise<{ installs?: string; page?: string }> }) {
  await requireAdminPage("/admin/quality", "quality:read");
  const sp = await searchParams;
  const filter = sp.installs === "self_serve" ? "self_serve" : sp.installs === "partners" ? "partners" : undefined;
  const page = Math.max(1, Number(sp.page) || 1);
  const now = new Date();
  const [q, latest] = await Promise.all([
    getAdminQuality(await getPrincipal(), now),
    recentInstalls({ selfServe: filter === undefined ? undefined : filter === "self_serve", page, pageSize: 15 }),
  ]);
  const p30 = q.survivalAll.program.find((w) => w.days === 30)!;
  const s30 = q.survivalAll.selfServe.find((w) => w.days === 30)!;
  return (
    <>
      <PageHeader
        eyebrow="Program admin"
        title="Quality"
        description={`Installs, survival and time to install across the program, from the rollups${q.rolledAt ? ` computed ${formatRelative(q.rolledAt, now)}` : " (not computed yet)"}.`}
        actions={<ActionButton action={runRollupsNowAction} label="Recompute rollups" variant="secondary" />}
      />
      <dl className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <Stat label="Installs" value={formatNumber(q.totals.installs)} hint={`${formatNumber(q.totals.verified)} verified · ${formatNumber(q.totals.selfServe)} self-serve`} />
        <Stat label="Survival checks" value={formatNumber(q.totals.checks)} />
        <Stat label="Survival, 30 days (partners)" value={<SurvivalBadge checked={p30.checked} survived={p30.survived} />} hint={`${formatNumber(p30.checked)} assets checked`} />
        <Stat label="Survival, 30 days (self-serve)" value={<SurvivalBadge checked={s30.checked} survived={s30.survived} />} hint={`${formatNumber(s30.checked)} assets checked`} />
      </dl>

      <Card className="mt-6">
        <CardHeader title="Alerts" description="Partners below 99.9% survival over 30 days, or whose median TTI on a stack is over its bar." />
        {q.alerts.length === 0 ? (
          <EmptyState title="No partner is below a bar" description="Alerts need at least 20 checked assets or 3 verified installs behind them." />
        ) : (
          <Table caption="Alerts" data-testid="quality-alerts">
            <thead className="bg-slate-50">
              <tr>
                <Th>Partner</Th>
                <Th>Bar crossed</Th>
                <Th>Measured</Th>
                <Th>Bar</Th>
                <Th className="hidden md:table-cell">Based on</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {q.alerts.map((a) => (
                <Tr key={`${a.kind}-${a.partnerId}-${a.stack}`}>
                  <Td>
                    <Link href={`/admin/partners/${a.partnerId}`} className="font-medium text-brand-800 hover:underline">
                      {a.partner.name}
                    </Link>
                  </Td>
                  <Td>{a.kind === "survival" ? <Badge tone="red">Survival (30 days)</Badge> : <Badge tone="amber">TTI · {STACK_LABELS[a.stack as Stack]}</Badge>}</Td>
                  <Td className="font-medium">{a.kind === "survival" ? formatRate(a.value) : formatDuration(a.value)}</Td>
                  <Td className="text-ink-muted">{a.kind === "survival" ? "99.90%" : formatDuration(a.bar)}</Td>
                  <Td className="hidden text-ink-muted md:table-cell">{a.kind === "survival" ? `${formatNumber(a.basis)} assets` : `${a.basis} verified installs`}</Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>

      <div className="mt-6 grid items-start gap-6">
        <Card>
          <CardHeader title="Time to install by stack" description="p50 and p95 of partner-led installs against self-serve customers (the control group)." />
          <CardBody>
            <TtiByStackChart data={q.tti.map((t) => ({ stack: SHORT_STACK[t.stack], partners: t.program?.p50 ?? null, selfServe: t.selfServe?.p50 ?? null, bar: t.bar }))} />
          </CardBody>
          <Table caption="TTI by stack">
            <thead className="bg-slate-50">
              <tr>
                <Th>Stack</Th>
                <Th>Bar</Th>
                <Th>Partners p50 / p95</Th>
                <Th>Self-serve p50 / p95</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {q.tti.map((t) => (
                <Tr key={t.stack}>
                  <Td>{STACK_LABELS[t.stack]}</Td>
                  <Td className="text-ink-muted">{formatDuration(t.bar)}</Td>
                  <Td>
                    <span className={t.program?.p50 != null && t.program.p50 > t.bar ? "font-medium text-red-700" : ""}>{formatDuration(t.program?.p50 ?? null)}</span> / {formatDuration(t.program?.p95 ?? null)}
                    <div className="text-xs text-ink-subtle">{t.program?.verified ?? 0} verified</div>
                  </Td>
                  <Td>
                    {formatDuration(t.selfServe?.p50 ?? null)} / {formatDuration(t.selfServe?.p95 ?? null)}
                    <div className="text-xs text-ink-subtle">{t.selfServe?.verified ?? 0} verified</div>
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        </Card>
        <Card>
          <CardHeader title="Survival by platform" description="Partner-led installs, per stack, daily over 90 days." />
          <CardBody>
            <SurvivalTrendChart data={q.daily} series={q.survivalByStack.map((s) => ({ key: s.stack, label: STACK_LABELS[s.stack] }))} label="Daily survival by platform over 90 days" />
          </CardBody>
          <Table caption="Survival by platform and window">
            <thead className="bg-slate-50">
              <tr>
                <Th>Platform</Th>
                <Th>7 days</Th>
                <Th>30 days</Th>
                <Th>90 days</Th>
                <Th className="hidden md:table-cell">Self-serve, 30 days</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {q.survivalByStack.map((s) => (
                <Tr key={s.stack}>
                  <Td>{STACK_LABELS[s.stack]}</Td>
                  {s.program.map((w) => (
                    <Td key={w.days}>
                      <SurvivalBadge checked={w.checked} survived={w.survived} />
                    </Td>
                  ))}
                  <Td className="hidden md:table-cell">
                    <SurvivalBadge checked={s.selfServe[1]!.checked} survived={s.selfServe[1]!.survived} />
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        </Card>
      </div>
      <Card className="mt-6">
        <CardHeader
          title="Latest installs"
          description="Open one to see its checks or run a check now."
          actions={
            <nav aria-label="Install filter" className="flex gap-1 text-sm">
              {([[undefined, "All"], ["partners", "Partner-led"], ["self_serve", "Self-serve"]] as const).map(([value, label]) => (
                <Link
                  key={label}
                  href={value ? `/admin/quality?installs=${value}` : "/admin/quality"}
                  aria-current={filter === value ? "page" : undefined}
                  className={filter === value ? "rounded-md bg-brand-50 px-2.5 py-1 font-medium text-brand-800" : "rounded-md px-2.5 py-1 text-ink-muted hover:bg-slate-100"}
                >
                  {label}
                </Link>
              ))}
            </nav>
          }
        />
        <Table caption="Latest installs">
          <thead className="bg-slate-50">
            <tr>
              <Th>Customer</Th>
              <Th>Partner</Th>
              <Th>Stack</Th>
              <Th className="hidden md:table-cell">Started</Th>
              <Th>TTI</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {latest.rows.map((i) => {
              const tti = ttiSeconds(i);
              return (
                <Tr key={i.id}>
                  <Td>
                    <Link href={`/admin/quality/installs/${i.id}`} className="font-medium text-brand-800 hover:underline">
                      {i.customerName}
                    </Link>
                  </Td>
                  <Td className="text-ink-muted">{i.partnerName ?? <Badge tone="violet">Self-serve</Badge>}</Td>
                  <Td>
                    <StackBadge stack={i.stack} />
                  </Td>
                  <Td className="hidden whitespace-nowrap text-ink-muted md:table-cell">{formatDate(i.startedAt)}</Td>
                  <Td className="whitespace-nowrap">{tti === null ? <VerifiedBadge verifiedAt={null} /> : formatDuration(tti)}</Td>
                </Tr>
              );
            })}
          </tbody>
        </Table>
        <div className="border-t border-slate-100 px-4">
          <Pagination page={page} pageSize={15} total={latest.total} path="/admin/quality" baseParams={{ installs: filter }} label="installs" />
        </div>
      </Card>
    </>
  );
}
