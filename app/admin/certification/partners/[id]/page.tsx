import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TierOverrideForm } from "@/components/certification/forms";
import { Scorecard } from "@/components/certification/scorecard";
import { ReviewStatusBadge } from "@/components/certification/status";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getPrincipal, requireAdminPage } from "@/lib/auth/guards";
import { overrideTierAction } from "@/lib/certification/actions";
import { SUBMISSION_LABELS } from "@/lib/certification/submissions";
import { getAdminCertification } from "@/lib/certification/views";
import { AppError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { TRACK_LABELS } from "@/lib/partners/constants";
import { getPartnerQuality } from "@/lib/quality/views";

export const metadata: Metadata = { title: "Partner certification" };

export default async function AdminPartnerCertificationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireAdminPage(`/admin/certification/partners/${id}`, "certification:review");
  const principal = await getPrincipal();
  const now = new Date();
  let data;
  try {
    data = await getAdminCertification(principal, id, now);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
  const quality = await getPartnerQuality(principal, id, now);
  return (
    <>
      <PageHeader
        eyebrow={<Link href="/admin/certification/partners" className="hover:underline">Certification</Link>}
        title={data.partner.name}
        description={`${TRACK_LABELS[data.partner.track]} track. The live evaluation of the partner's evidence, its recorded certification and tier history.`}
      />
      {data.tierOverrideUntil && data.tierOverrideUntil > now ? (
        <Alert tone="warning" className="mb-4">
          The tier was set by an admin and holds until {formatDate(data.tierOverrideUntil)}; the nightly evaluation leaves it alone until then.
        </Alert>
      ) : null}
      <div className="mb-6 grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title="Set the tier by hand" description="Audited, recorded in the tier history and sent to the partner as a tier change." />
          <CardBody>
            <TierOverrideForm partnerId={data.partner.id} current={data.partner.tier} action={overrideTierAction} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Documents" description="Review pending ones from the queue." />
          <CardBody>
            {data.submissions.length === 0 ? (
              <p className="text-sm text-ink-muted">Nothing submitted.</p>
            ) : (
              <ul className="space-y-2 text-sm">
                {data.submissions.map((s) => (
                  <li key={s.id} className="flex items-center justify-between gap-2">
                    <span>
                      {SUBMISSION_LABELS[s.kind]}: {s.title}
                      {s.quarter ? ` (${s.quarter})` : ""}
                    </span>
                    <ReviewStatusBadge status={s.status} />
                  </li>
                ))}
              </ul>
            )}
          </CardBody>
        </Card>
      </div>
      <Scorecard d={{ ...data, quality: { daily: quality.daily, weekly: quality.weekly } }} />
    </>
  );
}
