import type { Metadata } from "next";
import Link from "next/link";
import { NoPartner } from "@/components/console/no-partner";
import { DealStageBadge } from "@/components/deals/stage-badge";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getPrincipal, requireConsole } from "@/lib/auth/guards";
import { orNotFound } from "@/lib/auth/or-not-found";
import { PRODUCTS } from "@/lib/commissions/plans";
import { getPartnerDealView } from "@/lib/deals/console";
import { DEAL_STAGES, DEAL_STAGE_LABELS, daysLeft, isOpen } from "@/lib/deals/rules";
import { formatDate, formatDateTime } from "@/lib/format";
import { formatMoney } from "@/lib/money";

export const metadata: Metadata = { title: "Deal" };

export default async function DealPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ registered?: string }> }) {
  const { id } = await params;
  const { viewer, partnerId } = await requireConsole(`/console/deals/${id}`, "deals:read");
  if (!partnerId) return <NoPartner isAdmin={viewer.isAdmin} />;
  const { deal, conflicts } = await orNotFound(getPartnerDealView(await getPrincipal(), partnerId, id));
  const { registered } = await searchParams;
  const now = new Date();
  const reached = DEAL_STAGES.indexOf(deal.stage);
  const path = deal.stage === "lost" || deal.stage === "expired" ? (["registered", deal.stage] as const) : (["registered", "accepted", "won"] as const);
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/console/deals" className="hover:underline">
            ← Deals
          </Link>
        }
        title={deal.company}
        description={deal.domain}
        actions={<DealStageBadge stage={deal.stage} inConflict={deal.inConflict === "open"} />}
      />
      {registered === "1" ? <Alert tone="success" className="mb-6" testId="deal-registered">Registered. It is protected until {formatDate(deal.protectedUntil)}.</Alert> : null}
      {registered === "conflict" ? (
        <Alert tone="warning" className="mb-6" title="Registered, in conflict review" testId="deal-registered">
          Another partner registered {deal.domain} before you. The program&apos;s team will decide and email you; until then the first registration keeps its protection.
        </Alert>
      ) : null}
      <div className="grid items-start gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader title="Registration" />
          <CardBody>
            <dl className="grid gap-4 text-sm sm:grid-cols-2">
              <div>
                <dt className="text-ink-muted">Contact</dt>
                <dd className="font-medium">{deal.contactName}</dd>
                <dd className="text-ink-muted">{deal.contactEmail}</dd>
              </div>
              <div>
                <dt className="text-ink-muted">Estimated first-year value</dt>
                <dd className="font-medium">{formatMoney(deal.estimatedValueCents, deal.currency)}</dd>
              </div>
              <div>
                <dt className="text-ink-muted">Products</dt>
                <dd>{deal.products.map((p) => PRODUCTS[p]?.label ?? p).join(", ")}</dd>
              </div>
              <div>
                <dt className="text-ink-muted">Expected close</dt>
                <dd>{formatDate(deal.expectedCloseAt)}</dd>
              </div>
              <div>
                <dt className="text-ink-muted">Registered</dt>
                <dd>{formatDateTime(deal.registeredAt)}</dd>
              </div>
              <div>
                <dt className="text-ink-muted">Protected until</dt>
                <dd>
                  {formatDate(deal.protectedUntil)}
                  {isOpen(deal, now) ? <span className="text-ink-muted"> · {daysLeft(deal.protectedUntil, now)} days left</span> : null}
                </dd>
              </div>
              {deal.closeReason ? (
                <div className="sm:col-span-2">
                  <dt className="text-ink-muted">Closed</dt>
                  <dd>
                    {formatDate(deal.closedAt)} · {deal.closeReason}
                  </dd>
                </div>
              ) : null}
            </dl>
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Stages" />
          <CardBody>
            <ol className="space-y-3">
              {path.map((s) => {
                const done = s === deal.stage || (DEAL_STAGES.indexOf(s) < reached && deal.stage !== "lost" && deal.stage !== "expired") || s === "registered";
                return (
                  <li key={s} className="flex items-center gap-3 text-sm">
                    <span className={`flex size-6 items-center justify-center rounded-full text-xs font-semibold ${done ? "bg-brand-700 text-white" : "bg-slate-100 text-slate-500"}`} aria-hidden="true">
                      {done ? "✓" : ""}
                    </span>
                    <span className={done ? "font-medium text-ink" : "text-ink-muted"}>{DEAL_STAGE_LABELS[s]}</span>
                    {s === deal.stage ? <span className="sr-only">(current stage)</span> : null}
                  </li>
                );
              })}
            </ol>
          </CardBody>
        </Card>
      </div>
      {conflicts.length ? (
        <Card className="mt-6">
          <CardHeader title="Registration conflicts" description="Another partner registered the same domain." />
          <CardBody className="space-y-3 text-sm">
            {conflicts.map((c) => (
              <div key={c.id} className="rounded-lg bg-slate-50 p-3">
                {c.status === "open" ? (
                  <p>
                    Opened {formatDateTime(c.createdAt)}. {c.firstDealId === deal.id ? "You registered first: you keep protection while the program decides." : "The other registration came first: the program decides."}
                  </p>
                ) : (
                  <p>
                    Decided {formatDateTime(c.resolvedAt)}: {c.winnerDealId === deal.id ? "in your favour" : "for the other partner"}. Reason: {c.reason}
                  </p>
                )}
              </div>
            ))}
          </CardBody>
        </Card>
      ) : null}
    </>
  );
}
