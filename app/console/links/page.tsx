import type { Metadata } from "next";
import Link from "next/link";
import { ArchiveLinkButton } from "@/components/attribution/archive-link-button";
import { CopyButton } from "@/components/attribution/copy-button";
import { LinkForm } from "@/components/attribution/link-form";
import { NoPartner } from "@/components/console/no-partner";
import { Badge } from "@/components/ui/badge";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { archiveLinkAction, createLinkAction } from "@/lib/attribution/actions";
import { getLinksView } from "@/lib/attribution/console";
import { linksParams } from "@/lib/attribution/params";
import { ATTRIBUTION_POLICY } from "@/lib/attribution/policy";
import { getPrincipal, requireConsole } from "@/lib/auth/guards";
import { formatDate, formatNumber } from "@/lib/format";
import { flattenSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Tracking links" };
const PAGE_SIZE = 20;

export default async function LinksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { viewer, partnerId } = await requireConsole("/console/links", "links:read");
  if (!partnerId) return <NoPartner isAdmin={viewer.isAdmin} />;
  const q = linksParams.parse(flattenSearchParams(await searchParams));
  const v = await getLinksView(await getPrincipal(), partnerId, { page: q.page, pageSize: PAGE_SIZE, archived: q.archived === "1" });
  return (
    <>
      <PageHeader
        title="Tracking links"
        description={`Share these links to get credit for what you bring. A visitor who signs up within ${ATTRIBUTION_POLICY.windowDays} days of clicking is attributed to you; a click counts once per visitor and hour, and bots are not counted.`}
        actions={
          <>
            <Link href="/console/links/ga4" className="text-sm font-medium text-brand-700 hover:underline">
              GA4 and UTM tags
            </Link>
            <Link href="/console/performance" className="text-sm font-medium text-brand-700 hover:underline">
              See your funnel
            </Link>
          </>
        }
      />
      {v.canWrite ? (
        <Card className="mb-6">
          <CardHeader title="Create a link" description="Links can only point to the program's own sites." />
          <CardBody>
            <LinkForm partnerId={partnerId} create={createLinkAction} allowedHosts={v.allowedHosts} />
          </CardBody>
        </Card>
      ) : (
        <Alert tone="info" className="mb-6">
          You can see your organisation&apos;s links; only members of the organisation can create them.
        </Alert>
      )}
      <Card>
        <CardHeader
          title={q.archived ? "All links" : "Active links"}
          description={`${formatNumber(v.total)} ${v.total === 1 ? "link" : "links"}`}
          actions={
            <Link href={q.archived ? "/console/links" : "/console/links?archived=1"} className="text-sm font-medium text-brand-700 hover:underline">
              {q.archived ? "Hide archived" : "Show archived"}
            </Link>
          }
        />
        {v.links.length === 0 ? (
          <EmptyState title="No links yet" description="Create your first link above and share it in your newsletter, proposals or case studies." />
        ) : (
          <>
            <Table caption="Tracking links">
              <thead className="bg-slate-50">
                <tr>
                  <Th>Link</Th>
                  <Th className="hidden xl:table-cell">Destination</Th>
                  <Th className="text-right">Clicks</Th>
                  <Th className="hidden text-right sm:table-cell">Raw</Th>
                  <Th className="hidden text-right md:table-cell">Customers</Th>
                  <Th className="hidden xl:table-cell">Created</Th>
                  {v.canWrite ? <Th className="text-right">Actions</Th> : null}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {v.links.map((l) => (
                  <Tr key={l.id}>
                    <Td>
                      <code className="font-mono text-sm font-medium break-all text-brand-800">/r/{l.code}</code>
                      <div className="mt-1 flex flex-wrap items-center gap-1 text-xs text-ink-subtle">
                        <CopyButton value={l.url} label="Copy URL" />
                        {l.campaign ? <Badge>campaign: {l.campaign}</Badge> : null}
                        {l.archivedAt ? <Badge tone="gray">Archived {formatDate(l.archivedAt)}</Badge> : null}
                      </div>
                    </Td>
                    <Td className="hidden max-w-xs truncate text-ink-muted xl:table-cell" title={l.destination}>
                      {l.destination}
                    </Td>
                    <Td className="text-right font-medium tabular-nums">{formatNumber(l.clicks)}</Td>
                    <Td className="hidden text-right text-ink-muted tabular-nums sm:table-cell">{formatNumber(l.rawClicks)}</Td>
                    <Td className="hidden text-right tabular-nums md:table-cell">{formatNumber(l.conversions)}</Td>
                    <Td className="hidden text-ink-muted xl:table-cell">{formatDate(l.createdAt)}</Td>
                    {v.canWrite ? (
                      <Td className="text-right">{l.archivedAt ? null : <ArchiveLinkButton partnerId={partnerId} linkId={l.id} code={l.code} archive={archiveLinkAction} />}</Td>
                    ) : null}
                  </Tr>
                ))}
              </tbody>
            </Table>
            <div className="border-t border-slate-100 px-4">
              <Pagination page={q.page} pageSize={PAGE_SIZE} total={v.total} path="/console/links" baseParams={{ archived: q.archived }} label="links" />
            </div>
          </>
        )}
      </Card>
    </>
  );
}
