import type { Metadata } from "next";
import Link from "next/link";
import { CertificationStatusBadge, type CertStatus } from "@/components/certification/status";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { getPrincipal, requireAdminPage } from "@/lib/auth/guards";
import { getAdminCertificationHome } from "@/lib/certification/views";
import { formatDate } from "@/lib/format";
import { TIER_LABELS, TRACK_LABELS } from "@/lib/partners/constants";

export const metadata: Metadata = { title: "Partners' certification" };

const STATUSES: CertStatus[] = ["uncertified", "probation", "certified", "recertifying", "expired"];

export default async function AdminCertificationPartnersPage({ searchParams }: { searchParams: Promise<{ status?: string; page?: string }> }) {
  await requireAdminPage("/admin/certification/partners", "certification:review");
  const sp = await searchParams;
  const status = STATUSES.includes(sp.status as CertStatus) ? sp.status : undefined;
  const partnersPage = Math.max(1, Number(sp.page) || 1);
  const { partners } = await getAdminCertificationHome(await getPrincipal(), { tab: "pending", page: 1, status, partnersPage });
  return (
    <>
      <PageHeader eyebrow={<Link href="/admin/certification" className="hover:underline">Certification</Link>} title="Partners' certification" description="Every partner's recorded certification status, requirements and expiry." />
      <Card>
        <CardHeader
          title="Partners"
          actions={
            <nav aria-label="Certification status" className="flex flex-wrap gap-1">
              <Link href="/admin/certification/partners" className={`rounded-md px-2 py-1 text-xs ${!status ? "bg-brand-50 font-medium text-brand-800" : "text-ink-muted"}`}>
                All
              </Link>
              {STATUSES.map((s) => (
                <Link key={s} href={`/admin/certification/partners?status=${s}`} aria-current={s === status ? "page" : undefined} className={`rounded-md px-2 py-1 text-xs ${s === status ? "bg-brand-50 font-medium text-brand-800" : "text-ink-muted"}`}>
                  {s}
                </Link>
              ))}
            </nav>
          }
        />
        {partners.rows.length === 0 ? (
          <EmptyState title="No partners in this state" />
        ) : (
          <Table caption="Partners' certification">
            <thead className="bg-slate-50">
              <tr>
                <Th>Partner</Th>
                <Th>Track</Th>
                <Th>Tier</Th>
                <Th>Status</Th>
                <Th>Requirements</Th>
                <Th>Expires</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {partners.rows.map((p) => (
                <Tr key={p.id}>
                  <Td>
                    <Link href={`/admin/certification/partners/${p.id}`} className="font-medium text-brand-800 hover:underline">
                      {p.name}
                    </Link>
                  </Td>
                  <Td>{TRACK_LABELS[p.track]}</Td>
                  <Td>{TIER_LABELS[p.tier]}</Td>
                  <Td>
                    <CertificationStatusBadge status={p.status as CertStatus} />
                  </Td>
                  <Td>{p.total ? <Badge tone={p.met === p.total ? "green" : "amber"}>{`${p.met} of ${p.total}`}</Badge> : "—"}</Td>
                  <Td className="whitespace-nowrap text-ink-muted">{formatDate(p.expiresAt)}</Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
        <div className="border-t border-slate-100 px-4">
          <Pagination page={partnersPage} pageSize={25} total={partners.total} path="/admin/certification/partners" baseParams={{ status }} label="partners" />
        </div>
      </Card>
    </>
  );
}
