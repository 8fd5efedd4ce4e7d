import type { Metadata } from "next";
import { NoPartner } from "@/components/console/no-partner";
import { ClaimForm } from "@/components/mdf/forms";
import { MdfRequestDetail } from "@/components/mdf/request-detail";
import { Alert } from "@/components/ui/alert";
import { LinkButton } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getPrincipal, requireConsole } from "@/lib/auth/guards";
import { formatDate } from "@/lib/format";
import { orNotFound } from "@/lib/auth/or-not-found";
import { todayOf } from "@/lib/mdf/rules";
import { getMdfRequestView } from "@/lib/mdf/views";
import { formatMoney } from "@/lib/money";
import { describePolicy } from "@/lib/storage/policies";

export const metadata: Metadata = { title: "MDF request" };

export default async function MdfRequestPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { id } = await params;
  const { viewer, partnerId } = await requireConsole(`/console/mdf/${id}`, "mdf:read");
  if (!partnerId) return <NoPartner isAdmin={viewer.isAdmin} />;
  const v = await orNotFound(getMdfRequestView(await getPrincipal(), id, { partnerId }));
  const r = v.row;
  const justRequested = (await searchParams).requested === "1";
  const claimable = (r.status === "approved" || r.status === "partly_approved") && v.canClaim;
  const ended = todayOf(new Date()) >= r.endsOn;
  return (
    <>
      <PageHeader
        eyebrow="MDF request"
        title={r.title}
        actions={
          <LinkButton href="/console/mdf" variant="ghost">
            All requests
          </LinkButton>
        }
      />
      <div className="space-y-6">
        {justRequested ? (
          <Alert tone="success" title="Request sent" testId="mdf-requested-alert">
            {formatMoney(r.requestedCents, r.currency)} is held from your {r.budgetYear} budget until the program team decides. {formatMoney(v.budget.remainingCents, v.budget.currency)} remains.
          </Alert>
        ) : null}
        <MdfRequestDetail r={r} partnerName={v.partnerName} receipts={v.receipts} />
        {claimable ? (
          <Card>
            <CardHeader title="Claim reimbursement" description={`Up to ${formatMoney(r.approvedCents ?? 0, r.currency)}: the spend you claim, capped at the approved amount.`} />
            <CardBody>
              {ended ? (
                <ClaimForm partnerId={partnerId} requestId={r.id} receiptPolicy={`At least one receipt. ${describePolicy("receipt")} each.`} />
              ) : (
                <p className="text-sm text-ink-muted">You can claim once the activity has ended, from {formatDate(r.endsOn)}.</p>
              )}
            </CardBody>
          </Card>
        ) : null}
      </div>
    </>
  );
}
