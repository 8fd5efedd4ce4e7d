import type { Metadata } from "next";
import { CommentForm, ReviewMaterialForm } from "@/components/marketing/forms";
import { CommentThread, SubmissionSummary } from "@/components/marketing/submission-detail";
import { LinkButton } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getPrincipal, requireAdminPage } from "@/lib/auth/guards";
import { orNotFound } from "@/lib/auth/or-not-found";
import { getSubmissionView } from "@/lib/marketing/views";

export const metadata: Metadata = { title: "Co-marketing review" };

export default async function AdminSubmissionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireAdminPage(`/admin/marketing/${id}`, "marketing:review");
  const v = await orNotFound(getSubmissionView(await getPrincipal(), id, { admin: true }));
  const s = v.submission;
  return (
    <>
      <PageHeader
        eyebrow={`Co-marketing · ${s.partnerName}`}
        title={s.title}
        actions={
          <LinkButton href="/admin/marketing" variant="ghost">
            Back to the queue
          </LinkButton>
        }
      />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-6">
          <SubmissionSummary s={s} />
          <Card>
            <CardHeader title="Conversation" />
            <CardBody className="space-y-5">
              <CommentThread comments={v.comments} />
              <CommentForm submissionId={s.id} />
            </CardBody>
          </Card>
        </div>
        {s.status === "pending" ? (
          <Card className="self-start">
            <CardHeader title="Review" />
            <CardBody>
              <ReviewMaterialForm submissionId={s.id} />
            </CardBody>
          </Card>
        ) : null}
      </div>
    </>
  );
}
