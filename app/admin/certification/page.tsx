import type { Metadata } from "next";
import Link from "next/link";
import { ReviewForm } from "@/components/certification/forms";
import { ReviewStatusBadge, type CertStatus } from "@/components/certification/status";
import { ActionButton } from "@/components/evidence/action-button";
import { LinkButton } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Stat } from "@/components/ui/stat";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { getPrincipal, requireAdminPage } from "@/lib/auth/guards";
import { reviewSubmissionAction, runCertificationNowAction } from "@/lib/certification/actions";
import { SUBMISSION_LABELS } from "@/lib/certification/submissions";
import { getAdminCertificationHome } from "@/lib/certification/views";
import { formatDate } from "@/lib/format";
import { TRACK_LABELS } from "@/lib/partners/constants";
import { uploadUrl } from "@/lib/storage/uploads";

export const metadata: Metadata = { title: "Certification" };

const TABS = ["pending", "approved", "rejected"] as const;
const STATUSES: CertStatus[] = ["uncertified", "probation", "certified", "recertifying", "expired"];

export default async function AdminCertificationPage({ searchParams }: { searchParams: Promise<{ tab?: string; page?: string }> }) {
  await requireAdminPage("/admin/certification", "certification:review");
  const sp = await searchParams;
  const tab = (TABS as readonly string[]).includes(sp.tab ?? "") ? (sp.tab as (typeof TABS)[number]) : "pending";
  const page = Math.max(1, Number(sp.page) || 1);
  const { queue, overview } = await getAdminCertificationHome(await getPrincipal(), { tab, page, partnersPage: 1 });
  return (
    <>
      <PageHeader
        title="Certification"
        description="Review partners' enterprise references, runbooks and pen-test letters; see every partner's certification; run the evaluation now (it also runs nightly from /api/cron/certification)."
        actions={
          <>
            <LinkButton href="/admin/certification/partners" variant="secondary">
              All partners
            </LinkButton>
            <ActionButton label="Run evaluation now" variant="secondary" action={runCertificationNowAction} describe="Evaluated {processed} partners, {changed} changed" testId="run-now-result" />
          </>
        }
      />
      <dl className="mb-6 grid gap-4 sm:grid-cols-3 lg:grid-cols-5">
        {STATUSES.map((s) => (
          <Stat
            key={s}
            label={s === "uncertified" ? "Not certified" : s[0]!.toUpperCase() + s.slice(1)}
            value={
              <Link href={`/admin/certification/partners?status=${s}`} className="underline decoration-slate-300 underline-offset-4 hover:decoration-brand-700">
                {overview[s] ?? 0}
              </Link>
            }
          />
        ))}
      </dl>
      <Card className="mb-6">
        <CardHeader
          title="Review queue"
          description="Approve, or reject with a reason the partner sees. A pen-test letter counts only for the quarter it covers."
          actions={
            <nav aria-label="Review status" className="flex gap-1">
              {TABS.map((t) => (
                <Link key={t} href={`/admin/certification?tab=${t}`} aria-current={t === tab ? "page" : undefined} className={`rounded-md px-3 py-1 text-sm ${t === tab ? "bg-brand-50 font-medium text-brand-800" : "text-ink-muted hover:bg-slate-50"}`}>
                  {t === "pending" ? "Pending" : t === "approved" ? "Approved" : "Rejected"}
                </Link>
              ))}
            </nav>
          }
        />
        {queue.rows.length === 0 ? (
          <EmptyState title={tab === "pending" ? "Nothing to review" : `No ${tab} documents`} description={tab === "pending" ? "New references, runbooks and letters show up here." : undefined} />
        ) : (
          <Table caption="Review queue">
            <thead className="bg-slate-50">
              <tr>
                <Th>Partner</Th>
                <Th>Document</Th>
                <Th>Submitted</Th>
                <Th className="w-80">{tab === "pending" ? "Decision" : "Review"}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {queue.rows.map((s) => (
                <Tr key={s.id} data-testid="review-item">
                  <Td>
                    <Link href={`/admin/certification/partners/${s.partnerId}`} className="font-medium text-brand-800 hover:underline">
                      {s.partnerName}
                    </Link>
                    <div className="text-xs text-ink-subtle">{TRACK_LABELS[s.track as keyof typeof TRACK_LABELS]}</div>
                  </Td>
                  <Td>
                    <div className="font-medium text-ink">{s.title}</div>
                    <div className="text-xs text-ink-subtle">
                      {SUBMISSION_LABELS[s.kind]}
                      {s.quarter ? ` · ${s.quarter}` : ""} ·{" "}
                      <a className="text-brand-800 underline" href={uploadUrl(s.uploadId)}>
                        {s.filename}
                      </a>
                    </div>
                  </Td>
                  <Td className="whitespace-nowrap text-ink-muted">{formatDate(s.submittedAt)}</Td>
                  <Td>
                    {tab === "pending" ? (
                      <ReviewForm id={s.id} label={`${s.title} from ${s.partnerName}`} action={reviewSubmissionAction} />
                    ) : (
                      <div>
                        <ReviewStatusBadge status={s.status} />
                        {s.reviewReason ? <p className="mt-1 text-xs text-ink-muted">{s.reviewReason}</p> : null}
                      </div>
                    )}
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
        <div className="border-t border-slate-100 px-4">
          <Pagination page={page} pageSize={20} total={queue.total} path="/admin/certification" baseParams={{ tab }} label="documents" />
        </div>
      </Card>
    </>
  );
}
