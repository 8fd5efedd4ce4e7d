import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { formatDate } from "@/lib/format";
import { LEGAL_DOCUMENT_INFO } from "@/lib/legal/constants";
import { getVersionHistory } from "@/lib/legal/views";

export const metadata: Metadata = { title: "Version history" };

export default async function HistoryPage() {
  const history = await getVersionHistory(new Date());
  return (
    <div className="mx-auto max-w-5xl space-y-8 px-4 py-10 sm:px-6">
      <header>
        <Link href="/program" className="text-sm text-brand-700 hover:underline">
          ← Partner program
        </Link>
        <h1 className="mt-2 text-3xl font-semibold tracking-tight text-ink">Version history</h1>
        <p className="mt-3 max-w-3xl text-base text-ink-muted">
          Every published version of the program&apos;s documents, with what changed and the SHA-256 of its exact text. A signature
          records the same fingerprint, so anyone can check which text was signed.
        </p>
      </header>
      {history.map((h) => {
        const info = LEGAL_DOCUMENT_INFO[h.document];
        return (
          <Card key={h.document}>
            <CardHeader title={<Link href={info.href} className="hover:underline">{info.title}</Link>} description={info.blurb} />
            {h.versions.length === 0 ? (
              <EmptyState title="Not published yet" description="The first version will appear here when it is published." />
            ) : (
              <Table caption={`${info.title} versions`}>
                <thead>
                  <tr>
                    <Th>Version</Th>
                    <Th>Published</Th>
                    <Th>What changed</Th>
                    <Th className="hidden md:table-cell">SHA-256</Th>
                  </tr>
                </thead>
                <tbody>
                  {h.versions.map((v) => (
                    <Tr key={v.id}>
                      <Td className="whitespace-nowrap">
                        <Link className="font-medium text-brand-700 hover:underline" href={v.version === h.current ? info.href : `${info.href}?version=${encodeURIComponent(v.version)}`}>
                          {v.version}
                        </Link>{" "}
                        {v.version === h.current ? <Badge tone="green">In force</Badge> : <Badge tone="gray">Superseded</Badge>}
                      </Td>
                      <Td className="whitespace-nowrap">{formatDate(v.publishedAt)}</Td>
                      <Td className="min-w-64">{v.summary}</Td>
                      <Td className="hidden max-w-48 truncate font-mono text-xs md:table-cell" title={v.sha256}>
                        {v.sha256}
                      </Td>
                    </Tr>
                  ))}
                </tbody>
              </Table>
            )}
          </Card>
        );
      })}
    </div>
  );
}
