import type { Metadata } from "next";
import Link from "next/link";
import { DealAdminActions } from "@/components/admin/deal-admin-actions";
import { DealStageBadge } from "@/components/deals/stage-badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getPrincipal, requireAdminPage } from "@/lib/auth/guards";
import { PRODUCTS } from "@/lib/commissions/plans";
import { extendDealAction, setDealStageAction } from "@/lib/deals/actions";
import { getAdminDealView } from "@/lib/deals/console";
import { canMoveDeal, extension } from "@/lib/deals/rules";
import { formatDate, formatDateTime } from "@/lib/format";
import { formatMoney } from "@/lib/money";

export const metadata: Metadata = { title: "Deal · Admin" };

export default async function AdminDealPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireAdminPage(`/admin/deals/${id}`, "deals:manage");
  const { deal, conflicts } = await getAdminDealView(await getPrincipal(), id);
  const now = new Date();
  const rows: [string, string][] = [
    ["Domain", deal.domain],
    ["Contact", `${deal.contactName} <${deal.contactEmail}>`],
    ["Estimated value", formatMoney(deal.estimatedValueCents, deal.currency)],
    ["Products", deal.products.map((p) => PRODUCTS[p]?.label ?? p).join(", ")],
    ["Expected close", formatDate(deal.expectedCloseAt)],
    ["Registered", formatDateTime(deal.registeredAt)],
    ["Protected until", formatDateTime(deal.protectedUntil)],
    ["Reminder sent", formatDateTime(deal.reminderSentAt)],
    ["Closed", deal.closedAt ? `${formatDateTime(deal.closedAt)} · ${deal.closeReason ?? ""}` : "—"],
  ];
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/admin/deals" className="hover:underline">
            ← Deals
          </Link>
        }
        title={deal.company}
        description={<span className="font-mono text-xs">{deal.id}</span>}
        actions={<DealStageBadge stage={deal.stage} inConflict={deal.inConflict === "open"} />}
      />
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title="Registration" />
          <CardBody>
            <dl className="grid grid-cols-[9rem_1fr] gap-x-4 gap-y-2 text-sm">
              {rows.map(([k, v]) => (
                <div key={k} className="contents">
                  <dt className="text-ink-muted">{k}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
            </dl>
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Actions" description="Every change is audited." />
          <CardBody>
            <DealAdminActions
              dealId={deal.id}
              canExtend={extension(deal, 1, now) !== null}
              canAccept={deal.inConflict !== "open" && canMoveDeal(deal.stage, "accepted")}
              canClose={deal.inConflict !== "open" && canMoveDeal(deal.stage, "lost")}
              extend={extendDealAction}
              setStage={setDealStageAction}
            />
          </CardBody>
        </Card>
      </div>
      {conflicts.length ? (
        <Card className="mt-6">
          <CardHeader title="Conflicts" />
          <CardBody className="space-y-2 text-sm">
            {conflicts.map(({ conflict, first, second }) => (
              <p key={conflict.id}>
                {first.partnerName} (first) vs {second.partnerName}:{" "}
                {conflict.status === "open" ? (
                  <Link href="/admin/deals" className="text-brand-700 hover:underline">
                    open in the queue
                  </Link>
                ) : (
                  <>
                    decided {formatDateTime(conflict.resolvedAt)} for {conflict.winnerDealId === first.id ? first.partnerName : second.partnerName}. Reason: {conflict.reason}
                  </>
                )}
              </p>
            ))}
          </CardBody>
        </Card>
      ) : null}
    </>
  );
}
