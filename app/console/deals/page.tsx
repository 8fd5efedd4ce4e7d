import type { Metadata } from "next";
import Link from "next/link";
import { NoPartner } from "@/components/console/no-partner";
import { DealStageBadge } from "@/components/deals/stage-badge";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { dealsParams } from "@/lib/attribution/params";
import { getPrincipal, requireConsole } from "@/lib/auth/guards";
import { getPartnerDealsView } from "@/lib/deals/console";
import { DEAL_POLICY } from "@/lib/deals/policy";
import { DEAL_STAGES, DEAL_STAGE_LABELS, daysLeft, isOpen } from "@/lib/deals/rules";
import { formatDate } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import { flattenSearchParams } from "@/lib/search-params";
import { cn } from "@/components/ui/cn";

export const metadata: Metadata = { title: "Deals" };
const PAGE_SIZE = 20;

export default async function DealsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { viewer, partnerId } = await requireConsole("/console/deals", "deals:read");
  if (!partnerId) return <NoPartner isAdmin={viewer.isAdmin} />;
  const q = dealsParams.parse(flattenSearchParams(await searchParams));
  const v = await getPartnerDealsView(await getPrincipal(), partnerId, { stage: q.stage, page: q.page, pageSize: PAGE_SIZE });
  const now = new Date();
  const all = Object.values(v.counts).reduce((a, b) => a + b, 0);
  return (
    <>
      <PageHeader
        title="Deals"
        description={`Register an opportunity before you bring it in: it is yours for ${DEAL_POLICY.protectionDays} days. If another partner registered the same company first, the program's team decides.`}
        actions={v.canWrite ? <LinkButton href="/console/deals/new">Register opportunity</LinkButton> : null}
      />
      <nav aria-label="Filter by stage" className="mb-4 flex flex-wrap gap-2">
        {[{ key: undefined, label: "All", n: all }, ...DEAL_STAGES.map((s) => ({ key: s, label: DEAL_STAGE_LABELS[s], n: v.counts[s] }))].map((f) => (
          <Link
            key={f.label}
            href={f.key ? `/console/deals?stage=${f.key}` : "/console/deals"}
            aria-current={q.stage === f.key ? "page" : undefined}
            className={cn(
              "rounded-full px-3 py-1 text-sm ring-1 ring-inset",
              q.stage === f.key ? "bg-brand-700 text-white ring-brand-700" : "bg-white text-ink-muted ring-slate-300 hover:bg-slate-50",
            )}
          >
            {f.label} <span className="tabular-nums opacity-80">{f.n}</span>
          </Link>
        ))}
      </nav>
      <Card>
        {v.rows.length === 0 ? (
          <EmptyState
            title={q.stage ? `No ${DEAL_STAGE_LABELS[q.stage].toLowerCase()} deals` : "No deals registered yet"}
            description="Register an opportunity to protect it while you work it."
            action={v.canWrite ? <LinkButton href="/console/deals/new">Register opportunity</LinkButton> : undefined}
          />
        ) : (
          <>
            <Table caption="Registered deals">
              <thead className="bg-slate-50">
                <tr>
                  <Th>Company</Th>
                  <Th>Stage</Th>
                  <Th className="hidden text-right md:table-cell">Estimated value</Th>
                  <Th className="hidden lg:table-cell">Registered</Th>
                  <Th className="hidden sm:table-cell">Protection</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {v.rows.map((d) => (
                  <Tr key={d.id}>
                    <Td>
                      <Link href={`/console/deals/${d.id}`} className="font-medium text-brand-800 hover:underline">
                        {d.company}
                      </Link>
                      <div className="text-xs text-ink-subtle">{d.domain}</div>
                    </Td>
                    <Td>
                      <DealStageBadge stage={d.stage} inConflict={d.inConflict === "open"} />
                    </Td>
                    <Td className="hidden text-right tabular-nums md:table-cell">{formatMoney(d.estimatedValueCents, d.currency)}</Td>
                    <Td className="hidden text-ink-muted lg:table-cell">{formatDate(d.registeredAt)}</Td>
                    <Td className="hidden text-ink-muted sm:table-cell">
                      {isOpen(d, now) ? `${daysLeft(d.protectedUntil, now)} days left` : d.stage === "expired" ? `Ended ${formatDate(d.protectedUntil)}` : "—"}
                    </Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
            <div className="border-t border-slate-100 px-4">
              <Pagination page={q.page} pageSize={PAGE_SIZE} total={v.total} path="/console/deals" baseParams={{ stage: q.stage }} label="deals" />
            </div>
          </>
        )}
      </Card>
    </>
  );
}
