import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/evidence/action-button";
import { EstimatedVsActualChart } from "@/components/payouts/charts";
import { ManualPaymentForm } from "@/components/payouts/manual-payment-form";
import { MonthTable } from "@/components/payouts/month-table";
import { PayoutStatusBadge } from "@/components/payouts/status-badge";
import { PayoutStatusFilter } from "@/components/payouts/status-filter";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Stat } from "@/components/ui/stat";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { getPrincipal, requireAdminPage } from "@/lib/auth/guards";
import { formatDate, formatDateTime } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import { recordManualPaymentAction, retryPayoutAction, runPayoutsAction, verifyTaxFormAction } from "@/lib/payouts/actions";
import { PAYOUT_STATUS_LABELS, TAX_FORM_LABELS } from "@/lib/payouts/labels";
import { dueAt, periodLabel } from "@/lib/payouts/rules";
import { adminPayoutFilterSchema } from "@/lib/payouts/schemas";
import { getAdminPayoutsView } from "@/lib/payouts/views";
import { flattenSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Payouts · Admin" };
const PAGE_SIZE = 25;

export default async function AdminPayoutsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdminPage("/admin/payouts", "payouts:manage");
  const q = adminPayoutFilterSchema.parse(flattenSearchParams(await searchParams));
  const now = new Date();
  const v = await getAdminPayoutsView(await getPrincipal(), { status: q.status, period: q.period, page: q.page, pageSize: PAGE_SIZE, now });
  const exportQs = new URLSearchParams({ ...(q.status ? { status: q.status } : {}), ...(q.period ? { period: q.period } : {}) }).toString();
  const sumOf = (status: string) => v.totals.filter((t) => t.status === status);
  const show = (status: string) => {
    const rows = sumOf(status);
    return rows.length ? rows.map((r) => formatMoney(r.totalCents, r.currency)).join(" · ") : "—";
  };
  const countOf = (status: string) => sumOf(status).reduce((s, r) => s + r.count, 0);
  return (
    <>
      <PageHeader
        title="Payouts"
        description={
          <>
            Monthly net-30 runs: a run today pays what was earned before {formatDate(v.due.periodEnd)} ({periodLabel(v.due.period)} and anything carried over), due since {formatDate(dueAt(v.due))}.{" "}
            {v.mode === "stripe" ? "Payouts are sent as Stripe Connect transfers." : "Stripe is not configured: payouts await a manual payment and its reference."} The cron route <code>/api/cron/payouts</code> runs the same job daily.
          </>
        }
        actions={
          <div className="flex flex-wrap items-start gap-3">
            <a href={`/api/admin/payouts/export${exportQs ? `?${exportQs}` : ""}`} className={buttonClasses("secondary")} download>
              Download CSV
            </a>
            <ActionButton action={runPayoutsAction} label="Run payouts now" describe="Run for {period}: {created} created, {carried} carried over, {released} released, {transferred} sent, {failed} failed." testId="run-result" />
          </div>
        }
      />

      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label={`Paid (${countOf("paid")})`} value={show("paid")} />
        <Stat label={`Awaiting manual payment (${countOf("manual")})`} value={show("manual")} />
        <Stat label={`Failed (${countOf("failed")})`} value={show("failed")} hint="Retry or pay by hand" />
        <Stat label={`Held (${countOf("held")})`} value={show("held")} hint="Partner prerequisites missing" />
      </dl>

      <Card className="mt-6">
        <CardHeader title="Payouts" actions={<PayoutStatusFilter path="/admin/payouts" current={q.status} period={q.period} />} description={q.period ? <>Period {periodLabel(q.period)} · <Link className="text-brand-700 underline" href={q.status ? `/admin/payouts?status=${q.status}` : "/admin/payouts"}>all periods</Link></> : "All periods, newest first"} />
        {v.rows.length === 0 ? (
          <EmptyState title={q.status ? `No ${PAYOUT_STATUS_LABELS[q.status].toLowerCase()} payouts` : "No payouts yet"} description="Run payouts to create this month's." />
        ) : (
          <>
            <Table caption="Payouts">
              <thead className="bg-slate-50">
                <tr>
                  <Th>Partner</Th>
                  <Th>Period</Th>
                  <Th className="text-right">Amount</Th>
                  <Th>State</Th>
                  <Th className="hidden lg:table-cell">Reference</Th>
                  <Th>Action</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {v.rows.map((p) => (
                  <Tr key={p.id}>
                    <Td>
                      <div className="font-medium">{p.partnerName}</div>
                      <div className="font-mono text-xs text-ink-subtle">{p.id}</div>
                    </Td>
                    <Td>
                      <Link href={`/admin/payouts?period=${p.period}`} className="text-brand-800 hover:underline">
                        {p.period}
                      </Link>
                    </Td>
                    <Td className="text-right font-medium tabular-nums">
                      {formatMoney(p.totalCents, p.currency)}
                      <div className="text-xs font-normal text-ink-subtle">{p.lineCount} lines</div>
                    </Td>
                    <Td>
                      <PayoutStatusBadge status={p.status} />
                      {p.statusReason ? <div className="mt-0.5 max-w-xs text-xs text-ink-subtle">{p.statusReason}</div> : null}
                    </Td>
                    <Td className="hidden font-mono text-xs lg:table-cell">
                      {p.stripeTransferId ?? p.reference ?? "—"}
                      {p.paidAt ? <div className="font-sans text-ink-subtle">{formatDate(p.paidAt)}</div> : null}
                    </Td>
                    <Td>
                      {p.status === "manual" || p.status === "failed" ? (
                        <div className="space-y-2">
                          {p.status === "failed" && v.mode === "stripe" ? <ActionButton action={retryPayoutAction.bind(null, p.id)} label="Retry" size="sm" variant="secondary" /> : null}
                          <ManualPaymentForm payoutId={p.id} record={recordManualPaymentAction} />
                        </div>
                      ) : (
                        <span className="text-xs text-ink-subtle">—</span>
                      )}
                    </Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
            <div className="border-t border-slate-100 px-4">
              <Pagination page={q.page} pageSize={PAGE_SIZE} total={v.total} path="/admin/payouts" baseParams={{ status: q.status, period: q.period }} label="payouts" />
            </div>
          </>
        )}
      </Card>

      <div className="mt-6 grid gap-6 xl:grid-cols-2">
        <Card>
          <CardHeader title="Tax forms to verify" description="Partners are paid only once their form is verified." />
          {v.taxForms.length === 0 ? (
            <EmptyState title="Nothing to verify" />
          ) : (
            <ul className="divide-y divide-slate-100">
              {v.taxForms.map((t) => (
                <li key={t.partnerId} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
                  <div>
                    <div className="font-medium">{t.partnerName}</div>
                    <div className="text-xs text-ink-subtle">
                      {t.formType ? TAX_FORM_LABELS[t.formType] : "—"} · {t.legalName} · submitted {formatDate(t.submittedAt)}
                    </div>
                  </div>
                  <ActionButton action={verifyTaxFormAction.bind(null, t.partnerId)} label="Mark verified" size="sm" variant="secondary" />
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card>
          <CardHeader title="Recent runs" />
          {v.runs.length === 0 ? (
            <EmptyState title="No runs yet" />
          ) : (
            <Table caption="Recent payout runs">
              <thead className="bg-slate-50">
                <tr>
                  <Th>Started</Th>
                  <Th>Period</Th>
                  <Th className="text-right">Created</Th>
                  <Th className="text-right">Carried</Th>
                  <Th className="hidden text-right sm:table-cell">Sent / failed</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {v.runs.map((r) => (
                  <Tr key={r.id}>
                    <Td className="text-ink-muted">
                      {formatDateTime(r.startedAt)}
                      <div className="text-xs">{r.trigger === "admin" ? "by an admin" : "cron"}</div>
                      {r.error ? <div className="text-xs text-red-700">{r.error}</div> : null}
                    </Td>
                    <Td>{r.period}</Td>
                    <Td className="text-right tabular-nums">{r.created}</Td>
                    <Td className="text-right tabular-nums">{r.carried}</Td>
                    <Td className="hidden text-right tabular-nums sm:table-cell">
                      {r.transferred} / {r.failed}
                    </Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
      </div>

      <Card className="mt-6">
        <CardHeader title="Program: estimated vs actual (USD)" description="Per month earned: what commissions were worth when earned, against what is paid or still to pay after refunds and holds." />
        <CardBody>
          <EstimatedVsActualChart data={v.months} currency="USD" />
        </CardBody>
        <MonthTable months={v.months} currency="USD" />
      </Card>
    </>
  );
}
