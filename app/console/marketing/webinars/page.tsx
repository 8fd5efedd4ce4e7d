import type { Metadata } from "next";
import Link from "next/link";
import { NoPartner } from "@/components/console/no-partner";
import { CreateWebinarForm } from "@/components/marketing/forms";
import { MarketingTabs } from "@/components/marketing/marketing-tabs";
import { NotEligible } from "@/components/marketing/not-eligible";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { getPrincipal, requireConsole } from "@/lib/auth/guards";
import { formatDateTime } from "@/lib/format";
import { LEAD_QUALIFICATION, LEAD_ROLE_LABELS, QUALIFICATION_REASON_LABELS, type QualificationReason } from "@/lib/marketing/lead-qualification";
import { pageParams } from "@/lib/marketing/params";
import { getWebinarsView } from "@/lib/marketing/views";
import { registrationOpen } from "@/lib/marketing/webinars";
import { flattenSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Webinars" };
const PAGE_SIZE = 10;
const KIT = [
  ["templates/webinar-deck.md", "Deck template"],
  ["templates/demo-script.md", "Demo script: strip vs preserve vs remote"],
  ["templates/survival-report-segment.md", "Segment: run your own Survival Report"],
] as const;

export default async function WebinarsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { viewer, partnerId } = await requireConsole("/console/marketing/webinars", "marketing:read");
  if (!partnerId) return <NoPartner isAdmin={viewer.isAdmin} />;
  const q = pageParams.parse(flattenSearchParams(await searchParams));
  const v = await getWebinarsView(await getPrincipal(), partnerId, { page: q.page, pageSize: PAGE_SIZE });
  const now = new Date();
  const qs = `partnerId=${encodeURIComponent(partnerId)}`;
  return (
    <>
      <PageHeader title="Webinar-in-a-box" description="Run a webinar with the program's deck, demo and Survival Report segment. Each webinar gets a public registration page; every registration is a lead attributed to you." />
      <MarketingTabs current="/console/marketing/webinars" />
      {!v.eligibility.allowed ? (
        <NotEligible reason={v.eligibility.reason} what="Co-marketing" />
      ) : (
        <div className="space-y-6">
          <div className="grid gap-6 lg:grid-cols-2">
            <Card>
              <CardHeader title="The kit" description="Co-branded with your name. Markdown slides work in Marp, Deckset or reveal.js." />
              <CardBody>
                <ul className="space-y-2 text-sm">
                  {KIT.map(([file, label]) => (
                    <li key={file}>
                      <a className="font-medium text-brand-800 hover:underline" href={`/api/console/marketing/assets?${qs}&file=${encodeURIComponent(file)}`} download>
                        {label}
                      </a>
                    </li>
                  ))}
                </ul>
                <h3 className="mt-5 text-sm font-semibold text-ink">Qualified lead</h3>
                <p className="mt-1 text-sm text-ink-muted">
                  A business email address, a company of {LEAD_QUALIFICATION.qualifyingSizes[0]!.split("-")[0]} people or more, and a role that buys or decides (
                  {LEAD_QUALIFICATION.qualifyingRoles.map((r) => LEAD_ROLE_LABELS[r].toLowerCase()).join(", ")}).
                </p>
              </CardBody>
            </Card>
            <Card>
              <CardHeader title="New webinar" />
              <CardBody>{v.canWrite ? <CreateWebinarForm partnerId={partnerId} /> : <p className="text-sm text-ink-muted">Only team members can create webinars.</p>}</CardBody>
            </Card>
          </div>
          <Card>
            <CardHeader title="Your webinars" />
            {v.webinars.total === 0 ? (
              <EmptyState title="No webinars yet" description="Create one to get its registration page." />
            ) : (
              <>
                <Table caption="Webinars">
                  <thead className="bg-slate-50">
                    <tr>
                      <Th>Webinar</Th>
                      <Th className="hidden md:table-cell">Starts</Th>
                      <Th className="text-right">Registrations</Th>
                      <Th className="text-right">Qualified</Th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {v.webinars.rows.map((w) => (
                      <Tr key={w.id}>
                        <Td>
                          <Link href={`/webinars/${w.slug}`} className="font-medium text-brand-800 hover:underline">
                            {w.title}
                          </Link>
                          <div className="mt-0.5">{registrationOpen(w, now) ? <Badge tone="green">Registration open</Badge> : <Badge tone="gray">Closed</Badge>}</div>
                        </Td>
                        <Td className="hidden text-ink-muted md:table-cell">{formatDateTime(w.startsAt)}</Td>
                        <Td className="text-right tabular-nums">{w.registrations}</Td>
                        <Td className="text-right tabular-nums">{w.qualified}</Td>
                      </Tr>
                    ))}
                  </tbody>
                </Table>
                <div className="border-t border-slate-100 px-4">
                  <Pagination page={q.page} pageSize={PAGE_SIZE} total={v.webinars.total} path="/console/marketing/webinars" baseParams={{}} label="webinars" />
                </div>
              </>
            )}
          </Card>
          <Card>
            <CardHeader title="Latest registrations" description="Each one also counts in your attribution funnel (Performance)." />
            {v.recent.length === 0 ? (
              <EmptyState title="No registrations yet" description="Share your webinar's registration page." />
            ) : (
              <Table caption="Latest registrations">
                <thead className="bg-slate-50">
                  <tr>
                    <Th>Lead</Th>
                    <Th className="hidden md:table-cell">Webinar</Th>
                    <Th>Qualified</Th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {v.recent.map(({ r, webinarTitle }) => (
                    <Tr key={r.id}>
                      <Td>
                        <div className="font-medium">{r.name}</div>
                        <div className="text-xs text-ink-subtle">
                          {r.company} · {r.companySize} · {LEAD_ROLE_LABELS[r.role as keyof typeof LEAD_ROLE_LABELS] ?? r.role}
                        </div>
                      </Td>
                      <Td className="hidden text-ink-muted md:table-cell">{webinarTitle}</Td>
                      <Td>
                        {r.qualified ? (
                          <Badge tone="green">Qualified</Badge>
                        ) : (
                          <span className="text-xs text-ink-muted">{r.reasons.map((x) => QUALIFICATION_REASON_LABELS[x as QualificationReason] ?? x).join("; ")}</span>
                        )}
                      </Td>
                    </Tr>
                  ))}
                </tbody>
              </Table>
            )}
          </Card>
        </div>
      )}
    </>
  );
}
