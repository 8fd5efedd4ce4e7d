import type { Metadata } from "next";
import { NoPartner } from "@/components/console/no-partner";
import { CommentForm, ResubmitMaterialForm } from "@/components/marketing/forms";
import { MarketingTabs } from "@/components/marketing/marketing-tabs";
import { CommentThread, SubmissionSummary } from "@/components/marketing/submission-detail";
import { Alert } from "@/components/ui/alert";
import { LinkButton } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getPrincipal, requireConsole } from "@/lib/auth/guards";
import { orNotFound } from "@/lib/auth/or-not-found";
import { getSubmissionView } from "@/lib/marketing/views";
import { describePolicy } from "@/lib/storage/policies";

export const metadata: Metadata = { title: "Brand approval" };

export default async function SubmissionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { viewer, partnerId } = await requireConsole(`/console/marketing/submissions/${id}`, "marketing:read");
  if (!partnerId) return <NoPartner isAdmin={viewer.isAdmin} />;
  const v = await orNotFound(getSubmissionView(await getPrincipal(), id, { partnerId }));
  const s = v.submission;
  return (
    <>
      <PageHeader
        eyebrow="Brand approval"
        title={s.title}
        actions={
          <LinkButton href="/console/marketing/submissions" variant="ghost">
            All submissions
          </LinkButton>
        }
      />
      <MarketingTabs current="/console/marketing/submissions" />
      <div className="space-y-6">
        {s.status === "approved" ? (
          <Alert tone="success" title={`Approved: ${s.referenceId}`}>
            Quote this reference id on the material (for example in the footer).
          </Alert>
        ) : s.status === "changes_requested" ? (
          <Alert tone="warning" title="Changes requested">
            Read the program team&apos;s comments below, then resubmit.
          </Alert>
        ) : (
          <Alert title="Waiting for review">The program team reviews material within two business days.</Alert>
        )}
        <SubmissionSummary s={s} />
        <Card>
          <CardHeader title="Conversation" />
          <CardBody className="space-y-5">
            <CommentThread comments={v.comments} />
            {v.canWrite ? <CommentForm submissionId={s.id} /> : null}
          </CardBody>
        </Card>
        {v.canWrite && s.status === "changes_requested" ? (
          <Card>
            <CardHeader title="Resubmit" description="Upload the new version or give its URL." />
            <CardBody>
              <ResubmitMaterialForm partnerId={partnerId} submissionId={s.id} policy={describePolicy("marketing_material")} />
            </CardBody>
          </Card>
        ) : null}
      </div>
    </>
  );
}
