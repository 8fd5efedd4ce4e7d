import type { Metadata } from "next";
import Link from "next/link";
import { ConflictResolver } from "@/components/admin/conflict-resolver";
import { FilterBar } from "@/components/admin/filter-bar";
import { DealStageBadge } from "@/components/deals/stage-badge";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, Input, Select } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { dealsParams } from "@/lib/attribution/params";
import { getPrincipal, requireAdminPage } from "@/lib/auth/guards";
import { resolveConflictAction } from "@/lib/deals/actions";
import { getAdminDealsView } from "@/lib/deals/console";
import { DEAL_STAGES, DEAL_STAGE_LABELS } from "@/lib/deals/rules";
import { formatDate, formatDateTime } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import { flattenSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Deals · Admin" };
const PAGE_SIZE = 25;

export default async function AdminDealsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdminPage("/admin/deals", "deals:resolve");
  const q = dealsParams.parse(flattenSearchParams(await searchParams));
  const v = await getAdminDealsView(await getPrincipal(), { stage: q.stage, q: q.q, page: q.page, pageSize: PAGE_SIZE });
  return (
    <>
      <PageHeader title="Deals" description="Every registered opportunity, and the conflicts between partners who registered the same company." />
      <Card className="mb-6">
        <CardHeader
          title={
            <span className="flex items-center gap-2">
              Conflict queue {v.openConflicts ? <Badge tone="amber">{v.openConflicts} open</Badge> : null}
            </span>
          }
          description="A later registration for a domain another partner holds. The first valid registration wins unless you decide otherwise; your reason is emailed to both partners and audited."
        />
        {v.conflicts.length === 0 ? (
          <EmptyState title="No open conflicts" description="When two partners register the same company, the pair shows up here." />
        ) : (
          <ul className="divide-y divide-slate-100">
            {v.conflicts.map(({ conflict, first, second }) => (
              <li key={conflict.id} className="grid gap-4 px-5 py-4 lg:grid-cols-[1fr_1fr_1.2fr]" data-testid="conflict">
                {[first, second].map((d, i) => (
                  <div key={d.id} className="text-sm">
                    <div className="text-xs font-semibold tracking-wide text-ink-subtle uppercase">{i === 0 ? "Registered first" : "Registered second"}</div>
                    <div className="mt-1 font-medium">
                      <Link href={`/admin/deals/${d.id}`} className="text-brand-800 hover:underline">
                        {d.partnerName}
                      </Link>
                    </div>
                    <div className="text-ink-muted">
                      {d.company} · {d.domain}
                    </div>
                    <div className="text-ink-muted">
                      {formatDateTime(d.registeredAt)} · {formatMoney(d.estimatedValueCents, d.currency)}
                    </div>
                    <div className="text-ink-muted">Contact: {d.contactName}</div>
                  </div>
                ))}
                <ConflictResolver
                  conflictId={conflict.id}
                  resolve={resolveConflictAction}
                  options={[
                    { dealId: first.id, label: first.partnerName, first: true },
                    { dealId: second.id, label: second.partnerName, first: false },
                  ]}
                />
              </li>
            ))}
          </ul>
        )}
      </Card>

      <FilterBar action="/admin/deals">
        <Field id="f-q" label="Search" className="w-full sm:w-64">
          <Input id="f-q" name="q" defaultValue={q.q ?? ""} placeholder="Company or domain" />
        </Field>
        <Field id="f-stage" label="Stage">
          <Select id="f-stage" name="stage" defaultValue={q.stage ?? ""}>
            <option value="">All stages</option>
            {DEAL_STAGES.map((s) => (
              <option key={s} value={s}>
                {DEAL_STAGE_LABELS[s]} ({v.counts[s]})
              </option>
            ))}
          </Select>
        </Field>
      </FilterBar>
      <Card>
        {v.rows.length === 0 ? (
          <EmptyState title="No deals match" description="Change or reset the filters." />
        ) : (
          <>
            <Table caption="Deals">
              <thead className="bg-slate-50">
                <tr>
                  <Th>Company</Th>
                  <Th>Partner</Th>
                  <Th>Stage</Th>
                  <Th className="hidden text-right md:table-cell">Estimated value</Th>
                  <Th className="hidden lg:table-cell">Registered</Th>
                  <Th className="hidden lg:table-cell">Protected until</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {v.rows.map((d) => (
                  <Tr key={d.id}>
                    <Td>
                      <Link href={`/admin/deals/${d.id}`} className="font-medium text-brand-800 hover:underline">
                        {d.company}
                      </Link>
                      <div className="text-xs text-ink-subtle">{d.domain}</div>
                    </Td>
                    <Td>{d.partnerName}</Td>
                    <Td>
                      <DealStageBadge stage={d.stage} inConflict={d.inConflict === "open"} />
                    </Td>
                    <Td className="hidden text-right tabular-nums md:table-cell">{formatMoney(d.estimatedValueCents, d.currency)}</Td>
                    <Td className="hidden text-ink-muted lg:table-cell">{formatDate(d.registeredAt)}</Td>
                    <Td className="hidden text-ink-muted lg:table-cell">{formatDate(d.protectedUntil)}</Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
            <div className="border-t border-slate-100 px-4">
              <Pagination page={q.page} pageSize={PAGE_SIZE} total={v.total} path="/admin/deals" baseParams={{ stage: q.stage, q: q.q }} label="deals" />
            </div>
          </>
        )}
      </Card>
    </>
  );
}
