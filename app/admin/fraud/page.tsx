import type { Metadata } from "next";
import { HoldReview } from "@/components/admin/hold-review";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { commissionsParams } from "@/lib/attribution/params";
import { getPrincipal, requireAdminPage } from "@/lib/auth/guards";
import { getFraudHoldsView } from "@/lib/commissions/console";
import { COMMISSION_KIND_LABELS } from "@/lib/commissions/labels";
import { reviewHoldAction } from "@/lib/fraud/actions";
import { FRAUD_RULE_LABELS, type FraudRule } from "@/lib/fraud/rules";
import { formatDate } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import { flattenSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Fraud holds · Admin" };
const PAGE_SIZE = 20;

export default async function FraudHoldsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdminPage("/admin/fraud", "fraud:review");
  const q = commissionsParams.parse(flattenSearchParams(await searchParams));
  const { rows, total } = await getFraudHoldsView(await getPrincipal(), { page: q.page, pageSize: PAGE_SIZE });
  return (
    <>
      <PageHeader
        title="Fraud holds"
        description="Commissions a fraud rule stopped: self-referrals, click floods, impossible timing, sudden spikes, refund-heavy partners. A held commission is never paid. Clear it to let it continue, or reject it to reverse it; the reason is audited."
      />
      <Card>
        <CardHeader title={`${total} held`} />
        {rows.length === 0 ? (
          <EmptyState title="Nothing on hold" description="Commissions that trip a fraud rule wait here for a decision." />
        ) : (
          <>
            <ul className="divide-y divide-slate-100">
              {rows.map((c) => (
                <li key={c.id} className="grid gap-4 px-5 py-4 lg:grid-cols-[1.2fr_1fr]" data-testid="fraud-hold">
                  <div className="text-sm">
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="font-medium">{c.partnerName}</span>
                      <span className="font-semibold tabular-nums">{formatMoney(c.amountCents, c.currency)}</span>
                      <Badge>{COMMISSION_KIND_LABELS[c.kind as keyof typeof COMMISSION_KIND_LABELS] ?? c.kind}</Badge>
                    </div>
                    <div className="mt-1 text-ink-muted">
                      Customer <span className="font-mono text-xs">{c.customerId}</span> · earned {formatDate(c.earnedAt)} · <span className="font-mono text-xs">{c.id}</span>
                    </div>
                    <ul className="mt-2 space-y-1">
                      {c.heldReasons.map((r) => (
                        <li key={r.rule} className="flex flex-wrap items-start gap-2">
                          <Badge tone="red">{FRAUD_RULE_LABELS[r.rule as FraudRule] ?? r.rule}</Badge>
                          <span className="text-ink-muted">{r.detail}</span>
                        </li>
                      ))}
                    </ul>
                  </div>
                  <HoldReview commissionId={c.id} review={reviewHoldAction} />
                </li>
              ))}
            </ul>
            <div className="border-t border-slate-100 px-4">
              <Pagination page={q.page} pageSize={PAGE_SIZE} total={total} path="/admin/fraud" baseParams={{}} label="holds" />
            </div>
          </>
        )}
      </Card>
    </>
  );
}
