import type { Metadata } from "next";
import { NoPartner } from "@/components/console/no-partner";
import { ActionButton } from "@/components/evidence/action-button";
import { EarningsBySourceChart, EstimatedVsActualChart } from "@/components/payouts/charts";
import { MonthTable } from "@/components/payouts/month-table";
import { PayoutStatusBadge } from "@/components/payouts/status-badge";
import { StripeOnboardingButton } from "@/components/payouts/stripe-onboarding-button";
import { TaxFormForm } from "@/components/payouts/tax-form";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Stat } from "@/components/ui/stat";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { getPrincipal, requireConsole } from "@/lib/auth/guards";
import { canPartner } from "@/lib/auth/permissions";
import { formatDate } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import { acceptTermsAction, startStripeOnboardingAction, submitTaxFormAction } from "@/lib/payouts/actions";
import { TAX_FORM_LABELS, TAX_STATUS_LABELS } from "@/lib/payouts/labels";
import { NET_DAYS, PAYOUT_TERMS_VERSION, PREREQUISITE_LABELS, periodLabel } from "@/lib/payouts/rules";
import { consolePayoutParams } from "@/lib/payouts/schemas";
import { getPartnerPayoutsView } from "@/lib/payouts/views";
import { flattenSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Payouts" };
const PAGE_SIZE = 12;

export default async function PayoutsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { viewer, partnerId } = await requireConsole("/console/payouts", "payouts:read");
  if (!partnerId) return <NoPartner isAdmin={viewer.isAdmin} />;
  const q = consolePayoutParams.parse(flattenSearchParams(await searchParams));
  const now = new Date();
  const v = await getPartnerPayoutsView(await getPrincipal(), partnerId, { page: q.page, pageSize: PAGE_SIZE, now });
  const canManage = canPartner(viewer, "payouts:manage", partnerId);
  const cur = v.currency;
  const paidToDate = v.totals.filter((t) => t.status === "paid" && t.currency === cur).reduce((s, t) => s + t.totalCents, 0);
  const balance = v.ledgerBalances[cur] ?? 0;
  const s = v.settings;
  return (
    <>
      <PageHeader
        title="Payouts"
        description={`Paid monthly, net-${NET_DAYS}: a payout on date R covers what you earned up to the end of the latest month that ended at least ${NET_DAYS} days before R. Below the minimum of ${formatMoney(v.next.minimumCents, cur)}, the balance carries over to the next month.`}
        actions={
          <a href={`/api/console/payouts/export?partnerId=${encodeURIComponent(partnerId)}`} className={buttonClasses("secondary")} download>
            Download CSV
          </a>
        }
      />

      {v.missing.length ? (
        <Alert tone="warning" title="Payouts are on hold until you finish your payout settings" className="mb-6" testId="payout-prerequisites">
          <ul className="mt-1 list-disc pl-5">
            {v.missing.map((m) => (
              <li key={m}>{PREREQUISITE_LABELS[m]}</li>
            ))}
          </ul>
        </Alert>
      ) : null}

      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat
          label={`Next payout (${periodLabel(v.next.period)})`}
          value={<span data-testid="next-payout">{formatMoney(v.next.totalCents, cur)}</span>}
          hint={v.next.belowMinimum ? `Estimate, due ${formatDate(v.next.dueAt)}: below the minimum, it would carry over` : `Estimate, due ${formatDate(v.next.dueAt)}`}
        />
        <Stat label="Payable now" value={formatMoney(v.next.payableCents + v.next.otherCents, cur)} hint="Cleared the 30-day hold" />
        <Stat label="Pending" value={formatMoney(v.next.pendingCents, cur)} hint={v.next.heldCents ? `Clears before the next payout · ${formatMoney(v.next.heldCents, cur)} held for review` : "Clears before the next payout"} />
        <Stat label="Paid to date" value={formatMoney(paidToDate, cur)} hint={balance ? `Carried-over balance ${formatMoney(balance, cur)}` : "Ledger balance settled"} />
      </dl>

      <div className="mt-6 grid gap-6 xl:grid-cols-2">
        <Card>
          <CardHeader title="Earnings by month and source" description="Commissions as earned: subscriptions, add-ons, bounties, plan-change proration, and clawbacks of refunded payments." />
          <CardBody>
            <EarningsBySourceChart data={v.months} currency={cur} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Estimated vs actual" description="Estimated: what commissions were worth when earned. Actual: paid plus still to pay, after refunds and holds." />
          <CardBody>
            <EstimatedVsActualChart data={v.months} currency={cur} />
          </CardBody>
        </Card>
      </div>

      <Card className="mt-6">
        <CardHeader title="Where the difference comes from" description="Per month earned: estimated + refunds and clawbacks + holds = actual. Proration is the prorated change of a mid-period plan upgrade or downgrade, charged the way Stripe does." />
        <MonthTable months={v.months} currency={cur} />
      </Card>

      <Card className="mt-6">
        <CardHeader title="Payout history" description="Newest first. The CSV has one row per line of each payout." />
        {v.rows.length === 0 ? (
          <EmptyState title="No payouts yet" description="Your first payout is created once your payable balance reaches the minimum after a month ends." />
        ) : (
          <>
            <Table caption="Payouts">
              <thead className="bg-slate-50">
                <tr>
                  <Th>Period</Th>
                  <Th className="text-right">Amount</Th>
                  <Th>State</Th>
                  <Th className="hidden md:table-cell">Method</Th>
                  <Th className="hidden lg:table-cell">Reference</Th>
                  <Th className="hidden sm:table-cell">Date</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {v.rows.map((p) => (
                  <Tr key={p.id}>
                    <Td>
                      <div className="font-medium">{periodLabel(p.period)}</div>
                      <div className="font-mono text-xs text-ink-subtle">{p.id}</div>
                    </Td>
                    <Td className="text-right font-medium tabular-nums">
                      {formatMoney(p.totalCents, p.currency)}
                      <div className="text-xs font-normal text-ink-subtle">{p.lineCount} lines</div>
                    </Td>
                    <Td>
                      <PayoutStatusBadge status={p.status} />
                      {p.statusReason ? <div className="mt-0.5 hidden max-w-xs text-xs text-ink-subtle sm:block">{p.statusReason}</div> : null}
                    </Td>
                    <Td className="hidden md:table-cell">{p.method === "stripe" ? "Stripe transfer" : "Bank transfer"}</Td>
                    <Td className="hidden font-mono text-xs lg:table-cell">{p.stripeTransferId ?? p.reference ?? "—"}</Td>
                    <Td className="hidden text-ink-muted sm:table-cell">{formatDate(p.paidAt ?? p.createdAt)}</Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
            <div className="border-t border-slate-100 px-4">
              <Pagination page={q.page} pageSize={PAGE_SIZE} total={v.total} path="/console/payouts" baseParams={{}} label="payouts" />
            </div>
          </>
        )}
      </Card>

      <Card className="mt-6" id="settings">
        <CardHeader title="Payout settings" description={canManage ? "No payout leaves without accepted terms and a verified tax form." : "Only an owner of the team can change these."} />
        <CardBody className="space-y-6">
          <section aria-labelledby="terms-h" className="space-y-2">
            <h3 id="terms-h" className="text-sm font-semibold text-ink">
              Payout terms
            </h3>
            {s?.termsAcceptedAt ? (
              <p className="text-sm text-ink-muted">
                <Badge tone="green">Accepted</Badge> version {s.termsVersion} on {formatDate(s.termsAcceptedAt)}
              </p>
            ) : canManage ? (
              <div className="space-y-2">
                <p className="text-sm text-ink-muted">Commissions are paid monthly, net-{NET_DAYS}, in the currency they were earned in; refunds of paid commissions are netted off later payouts (terms version {PAYOUT_TERMS_VERSION}).</p>
                <ActionButton action={acceptTermsAction.bind(null, partnerId)} label="Accept the payout terms" />
              </div>
            ) : (
              <p className="text-sm text-ink-muted">Not accepted yet.</p>
            )}
          </section>
          <section aria-labelledby="tax-h" className="space-y-2">
            <h3 id="tax-h" className="text-sm font-semibold text-ink">
              Tax form
            </h3>
            <p className="text-sm text-ink-muted" data-testid="tax-status">
              <Badge tone={s?.taxFormStatus === "verified" ? "green" : s?.taxFormStatus === "submitted" ? "blue" : "amber"}>{TAX_STATUS_LABELS[s?.taxFormStatus ?? "missing"]}</Badge>
              {s?.taxFormType ? ` ${TAX_FORM_LABELS[s.taxFormType]}, ${s.taxLegalName ?? ""}` : null}
            </p>
            {canManage && s?.taxFormStatus !== "verified" ? <TaxFormForm partnerId={partnerId} submit={submitTaxFormAction} defaults={{ formType: s?.taxFormType ?? undefined, legalName: s?.taxLegalName ?? undefined }} /> : null}
          </section>
          <section aria-labelledby="stripe-h" className="space-y-2">
            <h3 id="stripe-h" className="text-sm font-semibold text-ink">
              Stripe account
            </h3>
            {v.mode === "manual" ? (
              <p className="text-sm text-ink-muted">Payouts are paid by bank transfer by the program team; no Stripe account is needed.</p>
            ) : (
              <>
                <p className="text-sm text-ink-muted">
                  {s?.stripeAccountId ? (
                    <>
                      <Badge tone={s.payoutsEnabled ? "green" : "amber"}>{s.payoutsEnabled ? "Payouts enabled" : "Onboarding not finished"}</Badge> <span className="font-mono text-xs">{s.stripeAccountId}</span>
                    </>
                  ) : (
                    "Connect a Stripe Express account to receive transfers."
                  )}
                </p>
                {canManage && !s?.payoutsEnabled ? <StripeOnboardingButton partnerId={partnerId} start={startStripeOnboardingAction} label={s?.stripeAccountId ? "Continue Stripe onboarding" : "Set up payouts with Stripe"} /> : null}
              </>
            )}
          </section>
        </CardBody>
      </Card>
    </>
  );
}
