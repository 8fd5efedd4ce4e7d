import type { Metadata } from "next";
import { BudgetMeter } from "@/components/mdf/budget-meter";
import { DecideClaimForm, DecideRequestForm } from "@/components/mdf/forms";
import { MdfRequestDetail } from "@/components/mdf/request-detail";
import { LinkButton } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getPrincipal, requireAdminPage } from "@/lib/auth/guards";
import { orNotFound } from "@/lib/auth/or-not-found";
import { reimbursableCents } from "@/lib/mdf/rules";
import { getMdfRequestView } from "@/lib/mdf/views";
import { formatMoney } from "@/lib/money";

export const metadata: Metadata = { title: "MDF request" };

export default async function AdminMdfRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireAdminPage(`/admin/mdf/${id}`, "mdf:review");
  const v = await orNotFound(getMdfRequestView(await getPrincipal(), id, { admin: true }));
  const r = v.row;
  return (
    <>
      <PageHeader
        eyebrow={`MDF · ${v.partnerName}`}
        title={r.title}
        actions={
          <LinkButton href="/admin/mdf" variant="ghost">
            Back to queues
          </LinkButton>
        }
      />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <MdfRequestDetail r={r} partnerName={v.partnerName} receipts={v.receipts} />
        <div className="space-y-6">
          <Card>
            <CardHeader title={`${v.partnerName}'s ${v.budget.year} budget`} />
            <CardBody>
              <BudgetMeter budget={v.budget} />
            </CardBody>
          </Card>
          {r.status === "pending" ? (
            <Card>
              <CardHeader title="Decide the request" />
              <CardBody>
                <DecideRequestForm requestId={r.id} requestedLabel={formatMoney(r.requestedCents, r.currency)} />
              </CardBody>
            </Card>
          ) : null}
          {r.status === "claim_submitted" ? (
            <Card>
              <CardHeader title="Review the claim" description="Check the receipts and results before approving." />
              <CardBody>
                <DecideClaimForm requestId={r.id} payableLabel={formatMoney(reimbursableCents(r), r.currency)} />
              </CardBody>
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
