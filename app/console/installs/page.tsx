import type { Metadata } from "next";
import Link from "next/link";
import { FilterBar } from "@/components/admin/filter-bar";
import { NoPartner } from "@/components/console/no-partner";
import { StackBadge, SurvivalBadge, VerifiedBadge } from "@/components/evidence/badges";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, Input, Select } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { linkParams } from "@/lib/admin/params";
import { getPrincipal, requireConsole } from "@/lib/auth/guards";
import { canPartner, assertPartner } from "@/lib/auth/permissions";
import { formatDate, formatRelative } from "@/lib/format";
import { STACKS, STACK_LABELS } from "@/lib/partners/constants";
import { formatDuration, meetsTtiBar, ttiSeconds } from "@/lib/quality/rules";
import { listInstallsQuery } from "@/lib/quality/schemas";
import { listInstalls } from "@/lib/quality/store";
import { flattenSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Installs" };
const PAGE_SIZE = 25;

export default async function InstallsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { viewer, partnerId } = await requireConsole("/console/installs", "installs:read");
  if (!partnerId) return <NoPartner isAdmin={viewer.isAdmin} />;
  assertPartner(await getPrincipal(), "installs:read", partnerId);
  const q = listInstallsQuery.parse(flattenSearchParams(await searchParams));
  const now = new Date();
  const { rows, total } = await listInstalls({ partnerId, ...q, pageSize: PAGE_SIZE }, now);
  const canWrite = canPartner(viewer, "installs:write", partnerId);
  const filtered = Boolean(q.stack || q.status || q.q);
  return (
    <>
      <PageHeader
        title="Installs"
        description="Customer sites your team set up. An install is verified by its first survival check at or above 99.9%; TTI runs from its start to that check."
        actions={canWrite ? <LinkButton href="/console/installs/new">Add install</LinkButton> : null}
      />
      <FilterBar action="/console/installs">
        <Field id="f-q" label="Search">
          <Input id="f-q" name="q" defaultValue={q.q ?? ""} placeholder="Customer or site" />
        </Field>
        <Field id="f-stack" label="Stack">
          <Select id="f-stack" name="stack" defaultValue={q.stack ?? ""}>
            <option value="">All stacks</option>
            {STACKS.map((s) => (
              <option key={s} value={s}>
                {STACK_LABELS[s]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="f-status" label="Status">
          <Select id="f-status" name="status" defaultValue={q.status ?? ""}>
            <option value="">All</option>
            <option value="verified">Verified</option>
            <option value="pending">Awaiting verification</option>
          </Select>
        </Field>
      </FilterBar>
      <Card>
        {rows.length === 0 ? (
          <EmptyState
            title={filtered ? "No installs match" : "No installs yet"}
            description={filtered ? "Try other filters." : "Add the customer sites you set up; the platform also reports installs done with your partner code."}
            action={canWrite && !filtered ? <LinkButton href="/console/installs/new">Add your first install</LinkButton> : null}
          />
        ) : (
          <>
            <Table caption="Installs">
              <thead className="bg-slate-50">
                <tr>
                  <Th>Customer</Th>
                  <Th className="hidden sm:table-cell">Stack</Th>
                  <Th className="hidden md:table-cell">Started</Th>
                  <Th>TTI</Th>
                  <Th>Survival (30 days)</Th>
                  <Th className="hidden lg:table-cell">Last check</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((i) => {
                  const tti = ttiSeconds(i);
                  return (
                    <Tr key={i.id}>
                      <Td className="max-w-xs">
                        <Link href={`/console/installs/${i.id}`} className="font-medium text-brand-800 hover:underline">
                          {i.customerName}
                        </Link>
                        <div className="truncate text-xs text-ink-subtle">{i.siteUrl}</div>
                      </Td>
                      <Td className="hidden sm:table-cell">
                        <StackBadge stack={i.stack} />
                      </Td>
                      <Td className="hidden whitespace-nowrap text-ink-muted md:table-cell">{formatDate(i.startedAt)}</Td>
                      <Td className="whitespace-nowrap">
                        {tti === null ? (
                          <VerifiedBadge verifiedAt={null} />
                        ) : (
                          <span className={meetsTtiBar(i.stack, tti) ? "text-ink" : "font-medium text-red-700"}>{formatDuration(tti)}</span>
                        )}
                      </Td>
                      <Td>
                        <SurvivalBadge checked={i.checked30} survived={i.survived30} />
                      </Td>
                      <Td className="hidden whitespace-nowrap text-ink-muted lg:table-cell">{formatRelative(i.lastCheckedAt, now)}</Td>
                    </Tr>
                  );
                })}
              </tbody>
            </Table>
            <div className="border-t border-slate-100 px-4">
              <Pagination page={q.page} pageSize={PAGE_SIZE} total={total} path="/console/installs" baseParams={linkParams(q)} label="installs" />
            </div>
          </>
        )}
      </Card>
    </>
  );
}
