import type { Metadata } from "next";
import Link from "next/link";
import { FilterBar } from "@/components/admin/filter-bar";
import { PublishButton } from "@/components/legal/publish-button";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, Input, Select } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { getPrincipal, requireAdminPage } from "@/lib/auth/guards";
import { formatDate, formatDateTime } from "@/lib/format";
import { publishVersionAction } from "@/lib/legal/actions";
import { LEGAL_DOCUMENTS, LEGAL_DOCUMENT_INFO } from "@/lib/legal/constants";
import { signatureListQuerySchema } from "@/lib/legal/schemas";
import { getAdminLegal } from "@/lib/legal/views";
import { flattenSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Legal · Admin" };
const PAGE_SIZE = 25;

export default async function AdminLegalPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdminPage("/admin/legal", "legal:read");
  const params = flattenSearchParams(await searchParams);
  const q = signatureListQuerySchema.parse(params);
  const range = { from: q.from ? new Date(`${q.from}T00:00:00.000Z`) : undefined, to: q.to ? new Date(`${q.to}T23:59:59.999Z`) : undefined };
  const view = await getAdminLegal(await getPrincipal(), { ...q, ...range, pageSize: PAGE_SIZE }, new Date());
  const { rows, total } = view.signatures;
  // After a publication the page says so (the version's button is gone by then).
  const [pubDocument, pubVersion] = typeof params.published === "string" ? params.published.split(":") : [];
  const justPublishedDoc = view.documents.find((d) => d.document === pubDocument);
  const justPublished = justPublishedDoc?.versions.find((v) => v.version === pubVersion && v.publication);
  return (
    <>
      <PageHeader
        title="Legal"
        description="The program's documents and their versions, what partners have signed, and who still has to sign. Versions are files in the repository (content/legal); publishing one freezes its text and makes it the version in force."
        actions={
          <Link href="/program/history" className="text-sm font-medium text-brand-700 hover:underline">
            Public version history
          </Link>
        }
      />
      {justPublished && justPublishedDoc ? (
        <Alert tone="success" className="mb-6" testId="published-notice">
          {justPublishedDoc.title} {justPublished.version} is published and in force.
          {justPublishedDoc.requiresSignature ? " Owners are asked to sign the new version before their next payout." : ""}
        </Alert>
      ) : null}
      <div className="space-y-6">
        <div className="grid gap-6 xl:grid-cols-3">
          {view.documents.map((d) => (
            <Card key={d.document}>
              <CardHeader
                title={d.title}
                description={d.current ? `Version ${d.current.version} in force since ${formatDate(d.current.publishedAt)}` : "Not published yet"}
                actions={d.requiresSignature ? <Badge tone="brand">Signed by owners</Badge> : <Badge>By reference</Badge>}
              />
              <ul className="divide-y divide-slate-100">
                {d.versions.map((v) => (
                  <li key={v.version} className="flex flex-wrap items-start justify-between gap-3 px-5 py-3">
                    <div className="min-w-0 flex-1 text-sm">
                      <p className="flex flex-wrap items-center gap-2 font-medium text-ink">
                        {v.version}
                        {v.publication ? (
                          v.publication.id === d.current?.id ? (
                            <Badge tone="green">In force</Badge>
                          ) : (
                            <Badge tone="gray">Superseded</Badge>
                          )
                        ) : (
                          <Badge tone="amber">Draft in repository</Badge>
                        )}
                      </p>
                      <p className="text-xs text-ink-muted">{v.summary}</p>
                      <p className="mt-1 text-xs text-ink-muted">
                        {v.publication ? `Published ${formatDate(v.publication.publishedAt)} by ${v.publication.publishedByLabel}` : "Not published"}
                        {d.requiresSignature && v.publication ? ` · signed by ${v.signedBy} partner${v.signedBy === 1 ? "" : "s"}` : ""}
                      </p>
                      <p className="truncate font-mono text-[11px] text-ink-subtle" title={v.sha256}>
                        {v.sha256}
                      </p>
                    </div>
                    {v.publishable ? (
                      <PublishButton document={d.document} version={v.version} title={d.title} requiresSignature={d.requiresSignature} publish={publishVersionAction} />
                    ) : null}
                  </li>
                ))}
              </ul>
            </Card>
          ))}
        </div>

        <Card>
          <CardHeader title="Partners who must sign" description="Partners (not suspended) without a signature on a version in force. Their payouts wait." />
          {view.mustSign.length === 0 ? (
            <EmptyState title="Everyone has signed" description="Every active partner has signed the versions in force." />
          ) : (
            <CardBody>
              <ul className="grid gap-2 text-sm sm:grid-cols-2 lg:grid-cols-3" data-testid="must-sign">
                {view.mustSign.slice(0, 60).map((p) => (
                  <li key={p.id}>
                    <Link href={`/admin/partners/${p.id}`} className="font-medium text-brand-700 hover:underline">
                      {p.name}
                    </Link>
                    <span className="block text-xs text-ink-muted">{p.missing.map((m) => LEGAL_DOCUMENT_INFO[m].title).join(", ")}</span>
                  </li>
                ))}
              </ul>
              {view.mustSign.length > 60 ? <p className="mt-3 text-xs text-ink-muted">And {view.mustSign.length - 60} more.</p> : null}
            </CardBody>
          )}
        </Card>

        <section aria-labelledby="signatures-heading" className="space-y-3">
          <h2 id="signatures-heading" className="text-lg font-semibold text-ink">
            Signatures
          </h2>
          <FilterBar action="/admin/legal">
            <Field id="l-q" label="Partner or signer">
              <Input id="l-q" name="q" defaultValue={q.q ?? ""} placeholder="Name or email" />
            </Field>
            <Field id="l-document" label="Document">
              <Select id="l-document" name="document" defaultValue={q.document ?? ""}>
                <option value="">All</option>
                {LEGAL_DOCUMENTS.filter((d) => LEGAL_DOCUMENT_INFO[d].requiresSignature).map((d) => (
                  <option key={d} value={d}>
                    {LEGAL_DOCUMENT_INFO[d].title}
                  </option>
                ))}
              </Select>
            </Field>
            <Field id="l-version" label="Version">
              <Input id="l-version" name="version" defaultValue={q.version ?? ""} placeholder="2.0" className="w-24" />
            </Field>
            <Field id="l-from" label="Signed from">
              <Input id="l-from" name="from" type="date" defaultValue={q.from ?? ""} />
            </Field>
            <Field id="l-to" label="Signed until">
              <Input id="l-to" name="to" type="date" defaultValue={q.to ?? ""} />
            </Field>
          </FilterBar>
          <Card>
            {rows.length === 0 ? (
              <EmptyState title="No signatures" description="Nothing matches these filters." />
            ) : (
              <>
                <Table caption="Signatures">
                  <thead className="bg-slate-50">
                    <tr>
                      <Th>Partner</Th>
                      <Th>Document</Th>
                      <Th>Signed by</Th>
                      <Th>Signed</Th>
                      <Th className="text-right">Receipt</Th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {rows.map((s) => (
                      <Tr key={s.id}>
                        <Td>
                          <Link href={`/admin/partners/${s.partnerId}`} className="font-medium text-brand-800 hover:underline">
                            {s.partnerName}
                          </Link>
                        </Td>
                        <Td>
                          {LEGAL_DOCUMENT_INFO[s.document].title} {s.version}
                          <span className="block max-w-32 truncate font-mono text-[11px] text-ink-subtle" title={s.documentSha256}>
                            {s.documentSha256}
                          </span>
                        </Td>
                        <Td>
                          {s.signerName}
                          <span className="block text-xs break-all text-ink-muted">{s.signerEmail}</span>
                        </Td>
                        <Td className="text-ink-muted">
                          <span className="whitespace-nowrap">{formatDateTime(s.signedAt)}</span>
                          <span className="block max-w-48 truncate text-xs" title={`${s.ip} · ${s.userAgent}`}>
                            {s.ip} · {s.userAgent}
                          </span>
                        </Td>
                        <Td className="text-right">
                          <a className="text-sm font-medium text-brand-700 hover:underline" href={`/api/console/agreements/receipts/${s.receiptId}?format=pdf`}>
                            PDF<span className="sr-only"> receipt for {s.partnerName}</span>
                          </a>
                        </Td>
                      </Tr>
                    ))}
                  </tbody>
                </Table>
                <Pagination page={q.page} pageSize={PAGE_SIZE} total={total} path="/admin/legal" baseParams={{ q: q.q, document: q.document, version: q.version, from: q.from, to: q.to }} label="signatures" />
              </>
            )}
          </Card>
        </section>
      </div>
    </>
  );
}
