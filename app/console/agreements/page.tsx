import type { Metadata } from "next";
import Link from "next/link";
import { NoPartner } from "@/components/console/no-partner";
import { MarkdownDocument } from "@/components/legal/markdown-document";
import { SignForm } from "@/components/legal/sign-form";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { getPrincipal, requireConsole } from "@/lib/auth/guards";
import { formatDate, formatDateTime } from "@/lib/format";
import { signAgreementsAction } from "@/lib/legal/actions";
import { CONSENT_TEXT, LEGAL_DOCUMENT_INFO } from "@/lib/legal/constants";
import { renderMarkdown } from "@/lib/legal/markdown";
import { getConsoleAgreements } from "@/lib/legal/views";

export const metadata: Metadata = { title: "Agreements" };

export default async function AgreementsPage({ searchParams }: { searchParams: Promise<{ partner?: string }> }) {
  const { partner: requested } = await searchParams;
  const { viewer, partnerId } = await requireConsole("/console/agreements", "agreements:read", requested);
  if (!partnerId) return <NoPartner isAdmin={viewer.isAdmin} />;
  const a = await getConsoleAgreements(await getPrincipal(), partnerId, new Date());
  const toSign = a.documents.filter((d) => !d.signed);
  return (
    <>
      <PageHeader
        eyebrow="Partner console"
        title="Agreements"
        description="The Master Partner Agreement and the Marketplace Terms your partnership runs on. An owner signs each new version; payouts wait until the current versions are signed."
        actions={
          <Link href="/program" className="text-sm font-medium text-brand-700 hover:underline">
            Program guide and version history
          </Link>
        }
      />
      <div className="space-y-6">
        {a.documents.length === 0 ? (
          <Card>
            <EmptyState title="Nothing to sign yet" description="The program's agreements have not been published. You will be asked to sign them here." />
          </Card>
        ) : toSign.length > 0 ? (
          <Alert tone="warning" title="Signature needed" testId="agreements-status">
            {toSign.map((d) => `${d.title} ${d.version}`).join(" and ")} {toSign.length === 1 ? "needs" : "need"} an owner&apos;s signature before your next payout.
          </Alert>
        ) : (
          <Alert tone="success" title="All signed" testId="agreements-status">
            {a.partnerName} has signed the current versions of every agreement.
          </Alert>
        )}

        {a.documents.map((d) => {
          const { html } = renderMarkdown(d.body);
          const info = LEGAL_DOCUMENT_INFO[d.document];
          return (
            <Card key={d.document}>
              <CardHeader
                title={
                  <span className="flex flex-wrap items-center gap-2">
                    {d.title} {d.version}
                    {d.signed ? <Badge tone="green">Signed</Badge> : <Badge tone="amber">To sign</Badge>}
                  </span>
                }
                description={`In force since ${formatDate(d.publishedAt)}${d.summary ? ` · What changed: ${d.summary}` : ""}`}
                actions={
                  <Link href={info.href} className="text-sm font-medium text-brand-700 hover:underline">
                    Open full page
                  </Link>
                }
              />
              <CardBody>
                <div
                  className="max-h-96 overflow-y-auto rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200 ring-inset focus:outline-2 focus:outline-brand-600"
                  tabIndex={0}
                  role="region"
                  aria-label={`${d.title} ${d.version}, full text`}
                >
                  <MarkdownDocument html={html} className="text-sm [&_h1]:text-xl [&_h2]:mt-6 [&_h2]:text-base" />
                </div>
                <p className="mt-2 text-xs text-ink-muted">
                  SHA-256 <code className="break-all font-mono">{d.sha256}</code>
                </p>
              </CardBody>
            </Card>
          );
        })}

        {toSign.length > 0 ? (
          <Card>
            <CardHeader title="Sign" description="Your typed name and consent are recorded with the time, your IP address and browser, and the SHA-256 of each text." />
            <CardBody>
              {a.canSign ? (
                <SignForm
                  partnerId={partnerId}
                  partnerName={a.partnerName}
                  accountName={viewer.name}
                  documents={toSign.map((d) => ({ document: d.document, version: d.version, sha256: d.sha256, title: d.title }))}
                  consentText={CONSENT_TEXT}
                  sign={signAgreementsAction}
                />
              ) : (
                <Alert title="Only an owner can sign">Ask an owner of {a.partnerName} to sign these documents. You can read them above.</Alert>
              )}
            </CardBody>
          </Card>
        ) : null}

        <Card>
          <CardHeader title="Signature receipts" description="Every signature, with the versions and fingerprints signed. Receipts are also emailed to the signer." />
          {a.receipts.length === 0 ? (
            <EmptyState title="No signatures yet" description="Receipts appear here once an owner signs." />
          ) : (
            <Table caption="Signature receipts">
              <thead>
                <tr>
                  <Th>Signed</Th>
                  <Th>Signed by</Th>
                  <Th>Documents</Th>
                  <Th className="text-right">Receipt</Th>
                </tr>
              </thead>
              <tbody>
                {a.receipts.map((r) => (
                  <Tr key={r.receiptId}>
                    <Td className="whitespace-nowrap">{formatDateTime(r.signedAt)}</Td>
                    <Td>
                      {r.signerName}
                      <span className="block text-xs text-ink-muted">{r.signerEmail}</span>
                    </Td>
                    <Td>
                      {r.documents.map((doc) => (
                        <span key={doc.document} className="block">
                          {LEGAL_DOCUMENT_INFO[doc.document].title} {doc.version}
                        </span>
                      ))}
                    </Td>
                    <Td className="text-right whitespace-nowrap">
                      <a className="font-medium text-brand-700 hover:underline" href={`/api/console/agreements/receipts/${r.receiptId}?format=pdf`} download>
                        PDF<span className="sr-only"> receipt of {formatDateTime(r.signedAt)}</span>
                      </a>
                      {" · "}
                      <a className="font-medium text-brand-700 hover:underline" href={`/api/console/agreements/receipts/${r.receiptId}?format=html`} download>
                        HTML<span className="sr-only"> receipt of {formatDateTime(r.signedAt)}</span>
                      </a>
                    </Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}
