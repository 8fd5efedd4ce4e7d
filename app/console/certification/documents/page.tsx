import type { Metadata } from "next";
import Link from "next/link";
import { NoPartner } from "@/components/console/no-partner";
import { DocumentUploadForm } from "@/components/certification/forms";
import { ReviewStatusBadge } from "@/components/certification/status";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { getPrincipal, requireConsole } from "@/lib/auth/guards";
import { canPartner } from "@/lib/auth/permissions";
import { quarterOf } from "@/lib/certification/math";
import { letterCurrent, SUBMISSION_LABELS } from "@/lib/certification/submissions";
import { getDocumentsPage } from "@/lib/certification/views";
import { formatDate } from "@/lib/format";
import { uploadUrl } from "@/lib/storage/uploads";

export const metadata: Metadata = { title: "Certification documents" };

export default async function DocumentsPage() {
  const { viewer, partnerId } = await requireConsole("/console/certification/documents", "certification:read");
  if (!partnerId) return <NoPartner isAdmin={viewer.isAdmin} />;
  const now = new Date();
  const { track, submissions } = await getDocumentsPage(await getPrincipal(), partnerId);
  const canWrite = canPartner(viewer, "certification:write", partnerId);
  return (
    <>
      <PageHeader
        eyebrow={<Link href="/console/certification" className="hover:underline">Certification</Link>}
        title="Documents for review"
        description={
          track === "enterprise_integrator"
            ? "Enterprise Integrators need 2 approved enterprise references, a validated canary/rollback runbook and a pen-test letter for the current quarter. An admin approves or rejects each with a reason."
            : "References, runbooks and pen-test letters are required on the Enterprise Integrator track; you can still submit them here."
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader title="Submitted" />
          {submissions.length === 0 ? (
            <EmptyState title="Nothing submitted yet" description="Upload a reference, a runbook or a pen-test letter; its review status shows here." />
          ) : (
            <Table caption="Submitted documents">
              <thead className="bg-slate-50">
                <tr>
                  <Th>Document</Th>
                  <Th>Submitted</Th>
                  <Th>Review</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {submissions.map((s) => (
                  <Tr key={s.id}>
                    <Td>
                      <div className="font-medium text-ink">{s.title}</div>
                      <div className="text-xs text-ink-subtle">
                        {SUBMISSION_LABELS[s.kind]}
                        {s.quarter ? ` · ${s.quarter}` : ""} ·{" "}
                        <a href={uploadUrl(s.uploadId)} className="text-brand-800 underline">
                          {s.filename}
                        </a>
                      </div>
                    </Td>
                    <Td className="whitespace-nowrap text-ink-muted">{formatDate(s.submittedAt)}</Td>
                    <Td>
                      <div className="flex flex-wrap gap-1">
                        <ReviewStatusBadge status={s.status} />
                        {s.kind === "pen_test_letter" && s.status === "approved" && !letterCurrent(s, now) ? <Badge tone="gray">No longer counts</Badge> : null}
                      </div>
                      {s.reviewReason ? <p className="mt-1 text-xs text-ink-muted">{s.reviewReason}</p> : null}
                    </Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
        <Card>
          <CardHeader title="Upload" />
          <CardBody>{canWrite ? <DocumentUploadForm partnerId={partnerId} currentQuarter={quarterOf(now)} defaultKind="enterprise_reference" /> : <p className="text-sm text-ink-muted">Only team members upload documents.</p>}</CardBody>
        </Card>
      </div>
    </>
  );
}
