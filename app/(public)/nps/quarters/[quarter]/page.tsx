import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { quarterFromSlug } from "@/lib/analytics/nps-publication";
import { getPublishedQuarter } from "@/lib/analytics/views";
import { formatDate } from "@/lib/format";
import { formatNps } from "@/lib/nps/score";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ quarter: string }> }): Promise<Metadata> {
  const q = quarterFromSlug((await params).quarter);
  return { title: q ? `Partner program NPS, ${q}` : "Partner program NPS" };
}

const moe = (v: number | null) => (v === null ? "no margin (fewer than 2 answers)" : `± ${v.toFixed(1)} (95%)`);
const share = (v: number | null) => (v === null ? "—" : `${Math.round(v * 100)}%`);

export default async function NpsQuarterPage({ params }: { params: Promise<{ quarter: string }> }) {
  const quarter = quarterFromSlug((await params).quarter);
  if (!quarter) notFound();
  const pub = await getPublishedQuarter(quarter);
  if (!pub) notFound();
  const s = pub.snapshot;
  return (
    <div className="mx-auto max-w-page px-4 py-10 sm:px-6">
      <PageHeader
        eyebrow={<Link href="/nps/quarters" className="hover:underline">Partner program NPS</Link>}
        title={`NPS, ${quarter}`}
        description={`Published ${formatDate(pub.publishedAt)}. These figures were computed at publication and do not change.`}
      />
      <dl className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <Stat label="Partner NPS" value={formatNps(s.partner.nps)} hint={moe(s.partner.marginOfError)} />
        <Stat label="Partner responses" value={s.partner.n} hint={`${s.partner.promoters} promoters · ${s.partner.passives} passives · ${s.partner.detractors} detractors · ${share(s.partner.responseRate)} of ${s.partner.invited} invited`} />
        <Stat label="Customer NPS of partners" value={formatNps(s.customer.nps)} hint={moe(s.customer.marginOfError)} />
        <Stat label="Customer responses" value={s.customer.n} hint={`${s.customer.promoters} promoters · ${s.customer.passives} passives · ${s.customer.detractors} detractors · ${share(s.customer.responseRate)} of ${s.customer.invited} invited`} />
      </dl>
      <Card className="mt-6">
        <CardHeader title="Customer NPS by partner" description="Partners with enough answers to show; everyone's answers count in the program figure." />
        {s.perPartner.length === 0 ? (
          <CardBody>
            <p className="text-sm text-ink-muted">No partner had enough answers this quarter to be listed.</p>
          </CardBody>
        ) : (
          <Table caption={`Customer NPS by partner, ${quarter}`}>
            <thead className="bg-slate-50">
              <tr>
                <Th>Partner</Th>
                <Th className="text-right">NPS</Th>
                <Th className="text-right">Margin (95%)</Th>
                <Th className="text-right">Answers</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {s.perPartner.map((p) => (
                <Tr key={p.slug}>
                  <Td>
                    <Link href={`/partners/${p.slug}`} className="font-medium text-brand-700 hover:underline">{p.partnerName}</Link>
                  </Td>
                  <Td className="text-right tabular-nums">{formatNps(p.nps)}</Td>
                  <Td className="text-right tabular-nums">{p.marginOfError === null ? "—" : `± ${Math.round(p.marginOfError)}`}</Td>
                  <Td className="text-right tabular-nums">{p.n}</Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <Card className="mt-6">
        <CardHeader title="Methodology" />
        <CardBody>
          <dl className="space-y-4 text-sm">
            <div>
              <dt className="font-semibold text-ink">Sample</dt>
              <dd className="mt-1 text-ink-muted">{s.methodology.sample}</dd>
            </div>
            <div>
              <dt className="font-semibold text-ink">Period</dt>
              <dd className="mt-1 text-ink-muted">{s.methodology.period}</dd>
            </div>
            <div>
              <dt className="font-semibold text-ink">Exclusions</dt>
              <dd className="mt-1">
                <ul className="list-disc space-y-1 pl-5 text-ink-muted">
                  {s.methodology.exclusions.map((e) => (
                    <li key={e}>{e}</li>
                  ))}
                </ul>
              </dd>
            </div>
            <div>
              <dt className="font-semibold text-ink">Score</dt>
              <dd className="mt-1 text-ink-muted">{s.methodology.formula}</dd>
            </div>
            <div>
              <dt className="font-semibold text-ink">Margin of error</dt>
              <dd className="mt-1 text-ink-muted">{s.methodology.marginOfError}</dd>
            </div>
          </dl>
        </CardBody>
      </Card>
    </div>
  );
}
