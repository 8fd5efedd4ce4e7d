import type { Metadata } from "next";
import { NoPartner } from "@/components/console/no-partner";
import { ProofFileForm, ProofLinkForm, RemoveProofButton } from "@/components/marketing/forms";
import { MarketingTabs } from "@/components/marketing/marketing-tabs";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { getPrincipal, requireConsole } from "@/lib/auth/guards";
import { formatDate } from "@/lib/format";
import { kitFiles } from "@/lib/marketing/assets";
import { pageParams } from "@/lib/marketing/params";
import { getProofsView } from "@/lib/marketing/views";
import { describePolicy } from "@/lib/storage/policies";
import { uploadUrl } from "@/lib/storage/uploads";
import { flattenSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Proofs & assets" };
const PAGE_SIZE = 20;

export default async function ProofsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { viewer, partnerId } = await requireConsole("/console/marketing/proofs", "marketing:read");
  if (!partnerId) return <NoPartner isAdmin={viewer.isAdmin} />;
  const q = pageParams.parse(flattenSearchParams(await searchParams));
  const principal = await getPrincipal();
  const v = await getProofsView(principal, partnerId, { page: q.page, pageSize: PAGE_SIZE });
  const files = v.eligibility.allowed ? await kitFiles(principal, partnerId) : [];
  const qs = `partnerId=${encodeURIComponent(partnerId)}`;
  const groups = [...new Set(files.map((f) => f.group))];
  return (
    <>
      <PageHeader title="Proofs & assets" description="CAI Verify links and proof files that show your work, and the co-branded assets for your own material." />
      <MarketingTabs current="/console/marketing/proofs" />
      <div className="space-y-6">
        {v.canWrite ? (
          <div className="grid gap-6 lg:grid-cols-2">
            <Card>
              <CardHeader title="Add a CAI Verify link" description="We check that the asset is reachable before saving." />
              <CardBody>
                <ProofLinkForm partnerId={partnerId} />
              </CardBody>
            </Card>
            <Card>
              <CardHeader title="Upload a proof file" />
              <CardBody>
                <ProofFileForm partnerId={partnerId} policy={describePolicy("proof")} />
              </CardBody>
            </Card>
          </div>
        ) : null}
        <Card>
          <CardHeader title="Your proofs" />
          {v.proofs.total === 0 ? (
            <EmptyState title="No proofs yet" description="Add a CAI Verify link for a public asset with Content Credentials, or upload a file." />
          ) : (
            <>
              <Table caption="Proofs">
                <thead className="bg-slate-50">
                  <tr>
                    <Th>Proof</Th>
                    <Th className="hidden md:table-cell">Checked</Th>
                    <Th>
                      <span className="sr-only">Actions</span>
                    </Th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {v.proofs.rows.map((p) => (
                    <Tr key={p.id}>
                      <Td>
                        <div className="font-medium">
                          {p.title} <Badge tone={p.kind === "link" ? "blue" : "neutral"}>{p.kind === "link" ? "Verify link" : "File"}</Badge>
                        </div>
                        <div className="break-all text-xs">
                          {p.kind === "link" ? (
                            <a className="text-brand-800 hover:underline" href={p.verifyUrl!} rel="noopener noreferrer" target="_blank">
                              {p.assetUrl}
                            </a>
                          ) : (
                            <a className="text-brand-800 hover:underline" href={uploadUrl(p.uploadId!)}>
                              {p.filename}
                            </a>
                          )}
                        </div>
                      </Td>
                      <Td className="hidden text-ink-muted md:table-cell">{p.kind === "link" ? `HTTP ${p.assetStatus} · ${formatDate(p.checkedAt)}` : formatDate(p.createdAt)}</Td>
                      <Td className="text-right">{v.canWrite ? <RemoveProofButton partnerId={partnerId} proofId={p.id} /> : null}</Td>
                    </Tr>
                  ))}
                </tbody>
              </Table>
              <div className="border-t border-slate-100 px-4">
                <Pagination page={q.page} pageSize={PAGE_SIZE} total={v.proofs.total} path="/console/marketing/proofs" baseParams={{}} label="proofs" />
              </div>
            </>
          )}
        </Card>
        <Card>
          <CardHeader
            title="Co-branded assets"
            description="Logos, your badge kit and the templates, one by one or in one zip."
            actions={
              files.length ? (
                <a className="inline-flex h-9 items-center rounded-lg bg-brand-700 px-3 text-sm font-medium text-white hover:bg-brand-800" href={`/api/console/marketing/assets?${qs}&zip=1`} download>
                  Download all (zip)
                </a>
              ) : null
            }
          />
          <CardBody>
            {!v.eligibility.allowed ? (
              <p className="text-sm text-ink-muted">{v.eligibility.reason}</p>
            ) : (
              <div className="grid gap-6 md:grid-cols-3">
                {groups.map((g) => (
                  <div key={g}>
                    <h3 className="text-sm font-semibold text-ink">{g}</h3>
                    <ul className="mt-2 space-y-1.5 text-sm">
                      {files
                        .filter((f) => f.group === g)
                        .map((f) => (
                          <li key={f.path}>
                            <a className="text-brand-800 hover:underline" href={`/api/console/marketing/assets?${qs}&file=${encodeURIComponent(f.path)}`} download>
                              {f.label}
                            </a>
                          </li>
                        ))}
                    </ul>
                  </div>
                ))}
              </div>
            )}
          </CardBody>
        </Card>
      </div>
    </>
  );
}
