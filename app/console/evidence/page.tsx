import type { Metadata } from "next";
import Link from "next/link";
import { NoPartner } from "@/components/console/no-partner";
import { ExportPackForm } from "@/components/evidence/export-pack-form";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { getPrincipal, requireConsole } from "@/lib/auth/guards";
import { assertPartner, canPartner } from "@/lib/auth/permissions";
import { formatDate, formatDateTime } from "@/lib/format";
import { PACK_PERIOD_DAYS } from "@/lib/quality/evidence-pack";
import { listExports } from "@/lib/quality/store";

export const metadata: Metadata = { title: "Evidence packs" };
const PAGE_SIZE = 20;

export default async function EvidencePage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const { viewer, partnerId } = await requireConsole("/console/evidence", "installs:read");
  if (!partnerId) return <NoPartner isAdmin={viewer.isAdmin} />;
  assertPartner(await getPrincipal(), "installs:read", partnerId);
  const page = Math.max(1, Number((await searchParams).page) || 1);
  const { rows, total } = await listExports(partnerId, page, PAGE_SIZE);
  const canExport = canPartner(viewer, "evidence:export", partnerId);
  return (
    <>
      <PageHeader
        title="Evidence packs"
        description={`Zips of survival evidence for SOC 2 auditors: every check of the last ${PACK_PERIOD_DAYS} days as CSV and JSON, per-asset results, the Survival Reports, and manifest.json with each file's SHA-256.`}
      />
      <Card className="mb-6">
        <CardHeader title="Export" description="All your installs in one pack. For a single install, use the button on its page." />
        <CardBody className="space-y-3">
          {canExport ? <ExportPackForm partnerId={partnerId} label="Export all installs" /> : <Alert tone="info">Your role cannot export evidence packs.</Alert>}
          <p className="text-xs text-ink-subtle">Each export is recorded below and counts toward the Auditor track and the Compliance Pro badge.</p>
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Exports" description={`${total} so far`} />
        {rows.length === 0 ? (
          <EmptyState title="No exports yet" description="Your exports and their manifest hashes will be listed here." />
        ) : (
          <>
            <Table caption="Evidence pack exports">
              <thead className="bg-slate-50">
                <tr>
                  <Th>Exported</Th>
                  <Th>Scope</Th>
                  <Th className="hidden md:table-cell">Period</Th>
                  <Th>Checks</Th>
                  <Th className="hidden lg:table-cell">manifest.json SHA-256</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((x) => (
                  <Tr key={x.id}>
                    <Td className="whitespace-nowrap text-ink-muted">{formatDateTime(x.createdAt)}</Td>
                    <Td>
                      {x.installId ? (
                        <Link className="text-brand-800 hover:underline" href={`/console/installs/${x.installId}`}>
                          {x.customerName ?? x.installId}
                        </Link>
                      ) : (
                        "All installs"
                      )}
                    </Td>
                    <Td className="hidden whitespace-nowrap text-ink-muted md:table-cell">
                      {formatDate(x.periodStart)} – {formatDate(x.periodEnd)}
                    </Td>
                    <Td>{x.checks.toLocaleString("en-US")}</Td>
                    <Td className="hidden font-mono text-xs break-all text-ink-muted lg:table-cell">{x.manifestSha256.slice(0, 16)}…</Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
            <div className="border-t border-slate-100 px-4">
              <Pagination page={page} pageSize={PAGE_SIZE} total={total} path="/console/evidence" baseParams={{}} label="exports" />
            </div>
          </>
        )}
      </Card>
    </>
  );
}
