import type { Metadata } from "next";
import Link from "next/link";
import { PublishQuarterForm } from "@/components/analytics/publish-quarter-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { publishNpsQuarterAction } from "@/lib/analytics/actions";
import { getNpsPublishing } from "@/lib/analytics/views";
import { getPrincipal, requireAdminPage } from "@/lib/auth/guards";
import { formatDateTime } from "@/lib/format";
import { formatNps } from "@/lib/nps/score";

export const metadata: Metadata = { title: "Publish NPS · Admin" };

const moe = (v: number | null) => (v === null ? "" : ` ± ${Math.round(v)}`);

export default async function PublishNpsPage() {
  await requireAdminPage("/admin/nps/publish", "nps:read");
  const v = await getNpsPublishing(await getPrincipal(), new Date());
  return (
    <>
      <PageHeader
        eyebrow="Program admin"
        title="Publish NPS"
        description="Publishing a closed quarter computes its partner NPS and the customer NPS of partners once, with response counts, margins of error and the methodology, and freezes them: later answers do not change a published quarter."
        actions={<Link href="/nps/quarters" className="text-sm font-medium text-brand-700 hover:underline">Public NPS page</Link>}
      />
      <Card className="mb-6">
        <CardHeader title="Publish a quarter" description="Only quarters that are over can be published, once each." />
        <CardBody>
          {v.publishable.length === 0 ? (
            <p className="text-sm text-ink-muted">Every closed quarter of the last year is published.</p>
          ) : v.canPublish ? (
            <PublishQuarterForm quarters={v.publishable} action={publishNpsQuarterAction} />
          ) : null}
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Published quarters" />
        {v.published.length === 0 ? (
          <EmptyState title="Nothing published yet" description="Publish a closed quarter above; it appears on the public NPS page." />
        ) : (
          <Table caption="Published NPS quarters">
            <thead className="bg-slate-50">
              <tr>
                <Th>Quarter</Th>
                <Th className="text-right">Partner NPS</Th>
                <Th className="text-right">Customer NPS of partners</Th>
                <Th className="hidden md:table-cell">Published</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {v.published.map((p) => (
                <Tr key={p.quarter}>
                  <Td>
                    <Link href={`/nps/quarters/${p.slug}`} className="font-medium text-brand-700 hover:underline">{p.quarter}</Link>
                  </Td>
                  <Td className="text-right tabular-nums">{formatNps(p.partner.nps)}{moe(p.partner.marginOfError)} <span className="text-xs text-ink-muted">n={p.partner.n}</span></Td>
                  <Td className="text-right tabular-nums">{formatNps(p.customer.nps)}{moe(p.customer.marginOfError)} <span className="text-xs text-ink-muted">n={p.customer.n}</span></Td>
                  <Td className="hidden text-ink-muted md:table-cell">{formatDateTime(p.publishedAt)}</Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
