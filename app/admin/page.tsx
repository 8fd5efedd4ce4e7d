import type { Metadata } from "next";
import Link from "next/link";
import { AuditList } from "@/components/audit/audit-list";
import { ProgramMixChart } from "@/components/charts/program-mix-chart";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { listAuditEvents } from "@/lib/audit/store";
import { requireAdminPage } from "@/lib/auth/guards";
import { listEmails } from "@/lib/email/store";
import { formatNumber } from "@/lib/format";
import { TIER_LABELS, TRACKS, TRACK_LABELS } from "@/lib/partners/constants";
import { programCounts } from "@/lib/partners/store";

export const metadata: Metadata = { title: "Program admin" };

export default async function AdminHome() {
  const viewer = await requireAdminPage("/admin");
  const [counts, recent, failed] = await Promise.all([
    programCounts(),
    listAuditEvents({ page: 1, pageSize: 8 }),
    listEmails({ status: "failed", page: 1, pageSize: 1 }),
  ]);
  const mix = TRACKS.map((track) => {
    const row = { track: TRACK_LABELS[track], Verified: 0, Advanced: 0, Premier: 0 };
    for (const m of counts.mix.filter((x) => x.track === track)) row[TIER_LABELS[m.tier] as "Verified"] += m.n;
    return row;
  });
  return (
    <>
      <PageHeader eyebrow="Program admin" title="Overview" description={`Signed in as ${viewer.email}.`} />
      <dl className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <Stat label="Partners" value={formatNumber(counts.partners)} hint={`${counts.byStatus.active ?? 0} active`} />
        <Stat label="On probation" value={formatNumber(counts.byStatus.probation ?? 0)} hint="First 60 days in the program" />
        <Stat label="Suspended" value={formatNumber(counts.byStatus.suspended ?? 0)} hint="Hidden from the directory" />
        <Stat
          label="Failed emails"
          value={formatNumber(failed.total)}
          hint={<Link className="text-brand-700 hover:underline" href="/admin/outbox?status=failed">Open the outbox</Link>}
        />
      </dl>
      <div className="mt-6 grid items-start gap-6 xl:grid-cols-2">
        <Card>
          <CardHeader title="Partners by track and tier" />
          <CardBody>
            <ProgramMixChart data={mix} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader
            title="Latest audit events"
            actions={
              <Link href="/admin/audit" className="text-sm font-medium text-brand-700 hover:underline">
                Full audit log
              </Link>
            }
          />
          <AuditList items={recent.rows} now={new Date()} />
        </Card>
      </div>
    </>
  );
}
