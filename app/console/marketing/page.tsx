import type { Metadata } from "next";
import Link from "next/link";
import { NoPartner } from "@/components/console/no-partner";
import { MarketingTabs } from "@/components/marketing/marketing-tabs";
import { NotEligible } from "@/components/marketing/not-eligible";
import { OnePagerBuilder } from "@/components/marketing/one-pager-builder";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { getPrincipal, requireConsole } from "@/lib/auth/guards";
import { formatDate } from "@/lib/format";
import { pageParams } from "@/lib/marketing/params";
import { templateOf } from "@/lib/marketing/templates";
import { getKitsView } from "@/lib/marketing/views";
import { flattenSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Co-marketing" };
const PAGE_SIZE = 10;

export default async function MarketingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { viewer, partnerId } = await requireConsole("/console/marketing", "marketing:read");
  if (!partnerId) return <NoPartner isAdmin={viewer.isAdmin} />;
  const q = pageParams.parse(flattenSearchParams(await searchParams));
  const v = await getKitsView(await getPrincipal(), partnerId, { page: q.page, pageSize: PAGE_SIZE });
  return (
    <>
      <PageHeader
        title="Co-marketing"
        description="Co-branded kits with your logo, badges and proof links; webinars that collect leads attributed to you; and approval for any material that uses the program's brand."
      />
      <MarketingTabs current="/console/marketing" />
      {!v.eligibility.allowed ? (
        <NotEligible reason={v.eligibility.reason} what="Co-marketing" />
      ) : (
        <div className="grid gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
          <Card>
            <CardHeader title="One-pager builder" description="Pick a template; your logo, badges and three proof links are added for you." />
            <CardBody>{v.canWrite ? <OnePagerBuilder partnerId={partnerId} proofChoices={v.proofChoices} /> : <p className="text-sm text-ink-muted">Only team members can generate one-pagers.</p>}</CardBody>
          </Card>
          <Card>
            <CardHeader title="Your one-pagers" description="Preview in the browser, download as PDF or as a PNG social card." />
            {v.onePagers.total === 0 ? (
              <EmptyState title="No one-pagers yet" description="Generate your first one from a template." />
            ) : (
              <>
                <Table caption="Generated one-pagers">
                  <thead className="bg-slate-50">
                    <tr>
                      <Th>Headline</Th>
                      <Th className="hidden md:table-cell">Template</Th>
                      <Th className="hidden sm:table-cell">Created</Th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {v.onePagers.rows.map((o) => (
                      <Tr key={o.id}>
                        <Td>
                          <Link href={`/console/marketing/one-pagers/${o.id}`} className="font-medium text-brand-800 hover:underline">
                            {o.headline}
                          </Link>
                        </Td>
                        <Td className="hidden text-ink-muted md:table-cell">{templateOf(o.template)?.name ?? o.template}</Td>
                        <Td className="hidden text-ink-muted sm:table-cell">{formatDate(o.createdAt)}</Td>
                      </Tr>
                    ))}
                  </tbody>
                </Table>
                <div className="border-t border-slate-100 px-4">
                  <Pagination page={q.page} pageSize={PAGE_SIZE} total={v.onePagers.total} path="/console/marketing" baseParams={{}} label="one-pagers" />
                </div>
              </>
            )}
          </Card>
        </div>
      )}
    </>
  );
}
