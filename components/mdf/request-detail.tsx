import { MdfStatusBadge } from "@/components/mdf/status-badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatDate, formatDateTime } from "@/lib/format";
import { MDF_ACTIVITY_LABELS, type MdfActivityType } from "@/lib/mdf/rules";
import type { MdfRequestRow } from "@/lib/mdf/store";
import { formatMoney } from "@/lib/money";
import { uploadUrl } from "@/lib/storage/uploads";

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-ink-muted">{label}</dt>
      <dd className="mt-0.5">{children}</dd>
    </div>
  );
}

export function MdfRequestDetail({ r, partnerName, receipts }: { r: MdfRequestRow; partnerName: string; receipts: { id: string; filename: string; sizeBytes: number }[] }) {
  const money = (c: number | null) => (c === null ? "—" : formatMoney(c, r.currency));
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader title="Request" actions={<MdfStatusBadge status={r.status} />} />
        <CardBody>
          <dl className="grid gap-4 text-sm sm:grid-cols-2 lg:grid-cols-3">
            <Row label="Partner">{partnerName}</Row>
            <Row label="Activity">{MDF_ACTIVITY_LABELS[r.activityType as MdfActivityType] ?? r.activityType}</Row>
            <Row label="Dates">
              {formatDate(r.startsOn)} – {formatDate(r.endsOn)} (budget {r.budgetYear})
            </Row>
            <Row label="Requested">
              <span data-testid="mdf-requested">{money(r.requestedCents)}</span>
            </Row>
            <Row label="Approved">
              <span data-testid="mdf-approved">{money(r.approvedCents)}</span>
            </Row>
            <Row label="Expected leads">{r.expectedLeads}</Row>
            <Row label="Requested on">{formatDateTime(r.createdAt)}</Row>
            <Row label="Decided">{r.decidedAt ? formatDateTime(r.decidedAt) : "—"}</Row>
            <Row label="Reason">{r.decisionReason ?? "—"}</Row>
          </dl>
          {r.description ? <p className="mt-4 whitespace-pre-wrap text-sm text-ink-muted">{r.description}</p> : null}
        </CardBody>
      </Card>
      {r.claimSubmittedAt ? (
        <Card>
          <CardHeader title="Claim" />
          <CardBody>
            <dl className="grid gap-4 text-sm sm:grid-cols-2 lg:grid-cols-3">
              <Row label="Spent">{money(r.claimedCents)}</Row>
              <Row label="Leads generated">{r.actualLeads ?? "—"}</Row>
              <Row label="Submitted">{formatDateTime(r.claimSubmittedAt)}</Row>
              <Row label="Reimbursed">
                <span data-testid="mdf-reimbursed">{r.reimbursedAt ? `${money(r.reimbursedCents)} on ${formatDate(r.reimbursedAt)}` : "—"}</span>
              </Row>
              <Row label="Claim decision">{r.claimDecidedAt ? `${formatDateTime(r.claimDecidedAt)}${r.claimDecisionReason ? ` — ${r.claimDecisionReason}` : ""}` : "—"}</Row>
              <Row label="Proof">
                {r.proofUrl ? (
                  <a className="break-all text-brand-800 hover:underline" href={r.proofUrl} rel="noopener noreferrer nofollow" target="_blank">
                    {r.proofUrl}
                  </a>
                ) : (
                  "—"
                )}
              </Row>
            </dl>
            {r.resultsSummary ? <p className="mt-4 whitespace-pre-wrap text-sm">{r.resultsSummary}</p> : null}
            <h3 className="mt-4 text-sm font-semibold">Receipts</h3>
            <ul className="mt-1 space-y-1 text-sm">
              {receipts.map((f) => (
                <li key={f.id}>
                  <a className="text-brand-800 hover:underline" href={uploadUrl(f.id)}>
                    {f.filename}
                  </a>{" "}
                  <span className="text-xs text-ink-subtle">{Math.ceil(f.sizeBytes / 1024)} KB</span>
                </li>
              ))}
            </ul>
          </CardBody>
        </Card>
      ) : null}
    </div>
  );
}
