import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/evidence/action-button";
import { ScoreBadge } from "@/components/evidence/badges";
import { NpsChart } from "@/components/evidence/charts";
import { FilterBar } from "@/components/admin/filter-bar";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, Select } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Stat } from "@/components/ui/stat";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { getPrincipal, requireAdminPage } from "@/lib/auth/guards";
import { formatDate } from "@/lib/format";
import { sendSurveysNowAction } from "@/lib/nps/actions";
import { formatNps } from "@/lib/nps/score";
import { getAdminNps } from "@/lib/nps/views";

export const metadata: Metadata = { title: "NPS · Admin" };

export default async function AdminNpsPage({ searchParams }: { searchParams: Promise<{ quarter?: string; page?: string }> }) {
  await requireAdminPage("/admin/nps", "nps:read");
  const sp = await searchParams;
  const page = Math.max(1, Number(sp.page) || 1);
  const n = await getAdminNps(await getPrincipal(), new Date(), sp.quarter, page);
  const cust = n.customer.find((q) => q.quarter === n.selected);
  const part = n.partner.find((q) => q.quarter === n.selected);
  const stat = (aud: "customer" | "partner") => n.stats.find((s) => s.audience === aud);
  return (
    <>
      <PageHeader
        eyebrow="Program admin"
        title="NPS"
        description="Customers rate their partner; partners rate the program. NPS = % promoters (9–10) − % detractors (0–6), with a 95% margin of error."
        actions={
          <>
          <Link href="/admin/nps/publish" className="text-sm font-medium text-brand-700 hover:underline">
            Publish a quarter
          </Link>
          <ActionButton
            action={sendSurveysNowAction}
            label="Send due surveys now"
            variant="secondary"
            describe="Sent {invited} invitations and {reminded} reminders."
          />
          </>
        }
      />
      <FilterBar action="/admin/nps">
        <Field id="n-quarter" label="Quarter">
          <Select id="n-quarter" name="quarter" defaultValue={n.selected}>
            {[...n.quarters].reverse().map((q) => (
              <option key={q} value={q}>
                {q}
              </option>
            ))}
          </Select>
        </Field>
      </FilterBar>
      <dl className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <Stat label={`Customers → partners, ${n.selected}`} value={formatNps(cust?.nps ?? null)} hint={cust?.n ? `${cust.n} responses · ±${Math.round(cust.marginOfError ?? 0)}` : "No responses"} />
        <Stat label={`Partners → program, ${n.selected}`} value={formatNps(part?.nps ?? null)} hint={part?.n ? `${part.n} responses · ±${Math.round(part.marginOfError ?? 0)}` : "No responses"} />
        <Stat label="Customer invitations" value={stat("customer")?.sent ?? 0} hint={`${stat("customer")?.answered ?? 0} answered · ${stat("customer")?.pending ?? 0} open`} />
        <Stat label="Partner invitations" value={stat("partner")?.sent ?? 0} hint={`${stat("partner")?.answered ?? 0} answered · ${stat("partner")?.pending ?? 0} open`} />
      </dl>
      <div className="mt-6 grid items-start gap-6 xl:grid-cols-2">
        <Card>
          <CardHeader title="NPS by quarter" description="Whiskers: 95% margin of error." />
          <CardBody>
            <NpsChart
              label="Program NPS by quarter, customers and partners"
              data={n.quarters.map((quarter, i) => ({
                quarter,
                customer: n.customer[i]!.nps,
                customerMoe: n.customer[i]!.marginOfError ?? 0,
                partner: n.partner[i]!.nps,
                partnerMoe: n.partner[i]!.marginOfError ?? 0,
              }))}
              series={[
                { key: "customer", label: "Customers → partners", moe: "customerMoe" },
                { key: "partner", label: "Partners → program", moe: "partnerMoe" },
              ]}
            />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title={`Per partner, ${n.selected}`} description={`Customer NPS about each partner, most responses first${n.perPartner.length > 15 ? ` (top 15 of ${n.perPartner.length})` : ""}.`} />
          {n.perPartner.length === 0 ? (
            <EmptyState title="No customer responses in this quarter" />
          ) : (
            <Table caption="NPS per partner">
              <thead className="bg-slate-50">
                <tr>
                  <Th>Partner</Th>
                  <Th>NPS</Th>
                  <Th>Responses</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {n.perPartner.slice(0, 15).map((p) => (
                  <Tr key={p.partnerId}>
                    <Td>
                      <Link href={`/admin/partners/${p.partnerId}`} className="text-brand-800 hover:underline">
                        {p.partnerName}
                      </Link>
                    </Td>
                    <Td className="font-medium">
                      {formatNps(p.nps)}
                      {p.marginOfError !== null ? <span className="ml-1 text-xs font-normal text-ink-subtle">±{Math.round(p.marginOfError)}</span> : null}
                    </Td>
                    <Td>{p.n}</Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
      </div>
      <Card className="mt-6">
        <CardHeader title="What partners say about the program" description={`${n.comments.total} responses, newest first`} />
        {n.comments.rows.length === 0 ? (
          <EmptyState title="No partner responses yet" />
        ) : (
          <>
            <ul className="divide-y divide-slate-100">
              {n.comments.rows.map((r) => (
                <li key={r.id} className="flex gap-4 px-5 py-3">
                  <ScoreBadge score={r.score} />
                  <div className="min-w-0 text-sm">
                    <p className={r.comment ? "text-ink" : "text-ink-subtle italic"}>{r.comment ?? "No comment"}</p>
                    <p className="mt-0.5 text-xs text-ink-subtle">
                      {r.partnerName ?? "—"} · {r.quarter} · {formatDate(r.respondedAt)}
                    </p>
                  </div>
                </li>
              ))}
            </ul>
            <div className="border-t border-slate-100 px-4">
              <Pagination page={page} pageSize={15} total={n.comments.total} path="/admin/nps" baseParams={{ quarter: sp.quarter }} label="responses" />
            </div>
          </>
        )}
      </Card>
    </>
  );
}
