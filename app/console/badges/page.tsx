import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/evidence/action-button";
import { DeclarePageForm } from "@/components/badges/declare-page-form";
import { EmbedPanel } from "@/components/badges/embed-panel";
import { BadgeStateBadge, ViolationStatusBadge } from "@/components/badges/state-badge";
import { NoPartner } from "@/components/console/no-partner";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { getPrincipal, requireConsole } from "@/lib/auth/guards";
import { declarePageAction, markViolationFixedAction, removePageAction } from "@/lib/badges/actions";
import { getBadgesConsoleView } from "@/lib/badges/console";
import { BADGE_LABELS, BADGE_SIZES, BADGE_THEMES, SIZE_PX, badgeTitle } from "@/lib/badges/model";
import { VIOLATION_LABELS, VIOLATION_REMEDIES } from "@/lib/badges/rules";
import { consoleBadgesParams } from "@/lib/badges/schemas";
import { imageUrlFor } from "@/lib/badges/snippets";
import { getEnv } from "@/lib/env";
import { formatDate, formatDateTime, formatNumber } from "@/lib/format";
import { flattenSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Badges" };
const PAGE_SIZE = 10;

export default async function ConsoleBadgesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { viewer, partnerId } = await requireConsole("/console/badges", "badges:read");
  if (!partnerId) return <NoPartner isAdmin={viewer.isAdmin} />;
  const q = consoleBadgesParams.parse(flattenSearchParams(await searchParams));
  const now = new Date();
  const v = await getBadgesConsoleView(await getPrincipal(), partnerId, now, { page: q.page, pageSize: PAGE_SIZE });
  const appUrl = getEnv().APP_URL.replace(/\/$/, "");
  const live = v.violations.filter((x) => x.status === "open" || x.status === "fix_claimed").length;
  return (
    <>
      <PageHeader
        title="Badges"
        description="Your badges are live images: they always show your current state, and link to a verification page anyone can check. Embed them with the snippets below, and declare the pages that show them."
        actions={
          <Link href="/console/badges/brand" className="text-sm font-medium text-brand-700 hover:underline">
            Brand assets and guidelines
          </Link>
        }
      />
      {live > 0 ? (
        <Alert tone="warning" className="mb-6" title="Badge issues need your attention">
          We found {live} {live === 1 ? "problem" : "problems"} with how your badges are shown. Fix {live === 1 ? "it" : "them"} before the deadline and mark {live === 1 ? "it" : "them"} fixed below.
        </Alert>
      ) : null}

      <section aria-labelledby="your-badges" className="space-y-6">
        <h2 id="your-badges" className="sr-only">
          Your badges
        </h2>
        {v.badges.length === 0 ? (
          <Card>
            <EmptyState title="No badges yet" description="Badges are awarded when you are certified on a track (Installer, Auditor, Enterprise) and for performance (time to install, compliance evidence, customer NPS)." />
          </Card>
        ) : (
          v.badges.map((b) => (
            <Card key={b.id} data-testid={`badge-card-${b.badge}`}>
              <CardHeader
                title={
                  <span className="flex flex-wrap items-center gap-2">
                    {badgeTitle(b)} <BadgeStateBadge state={b.state} />
                  </span>
                }
                description={`${b.kind === "track" ? "Track badge" : "Performance badge"} · held since ${formatDate(b.issuedAt)} · ${b.expiresAt ? `${b.state === "expired" ? "expired" : "expires"} ${formatDate(b.expiresAt)}` : "no expiry"}${b.state === "revoked" && b.revokedReason ? ` · revoked: ${b.revokedReason}` : ""}`}
                actions={
                  <Link href={`/verify/${b.id}`} className="text-sm font-medium text-brand-700 hover:underline">
                    Verification page
                  </Link>
                }
              />
              <CardBody className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,1.2fr)]">
                <div className="min-w-0">
                  <h3 className="text-sm font-medium text-ink">Every size and theme</h3>
                  <ul className="mt-2 grid grid-cols-1 gap-3 sm:grid-cols-2" aria-label={`${BADGE_LABELS[b.badge]} previews`}>
                    {BADGE_THEMES.flatMap((theme) =>
                      BADGE_SIZES.map((size) => (
                        <li key={`${size}-${theme}`} className={theme === "dark" ? "flex flex-col gap-1 rounded-lg bg-slate-900 p-3 text-slate-300" : "flex flex-col gap-1 rounded-lg bg-slate-50 p-3 text-ink-muted ring-1 ring-slate-200"}>
                          {/* eslint-disable-next-line @next/next/no-img-element -- live badge image */}
                          <img src={imageUrlFor("", b.id, { size, theme })} alt={`${badgeTitle(b)}, ${size}, ${theme}`} width={SIZE_PX[size].width} height={SIZE_PX[size].height} className="h-auto max-w-full" loading="lazy" />
                          <span className="text-xs">
                            {size} · {theme}
                          </span>
                        </li>
                      )),
                    )}
                  </ul>
                </div>
                <div className="min-w-0">
                  <h3 className="mb-2 text-sm font-medium text-ink">Embed code</h3>
                  {b.state === "expired" || b.state === "revoked" ? (
                    <Alert tone="warning" className="mb-3">
                      This badge is {b.state}: the image says so wherever it is embedded. Remove it from your pages.
                    </Alert>
                  ) : null}
                  <EmbedPanel appUrl={appUrl} badge={{ id: b.id, badge: b.badge, tier: b.tier, partnerName: b.partnerName }} />
                </div>
              </CardBody>
            </Card>
          ))
        )}
      </section>

      <div className="mt-6 grid gap-6 xl:grid-cols-2">
        <Card>
          <CardHeader
            title="Declared domains and pages"
            description={`Your badges may be shown on these domains (your listing's website counts too). The scanner checks each page weekly. Declared domains: ${v.declaredHosts.length ? v.declaredHosts.join(", ") : "none yet"}.`}
          />
          <CardBody className="space-y-4">
            {v.canManage ? <DeclarePageForm partnerId={partnerId} declare={declarePageAction} /> : <Alert tone="info">Only members of the organisation can change declared pages.</Alert>}
            {v.pages.length === 0 ? (
              <EmptyState title="No pages declared" description="Declare the pages that show your badge, so we can confirm it is used correctly." />
            ) : (
              <Table caption="Declared pages">
                <thead className="bg-slate-50">
                  <tr>
                    <Th>Page</Th>
                    <Th className="hidden sm:table-cell">Last scan</Th>
                    {v.canManage ? <Th className="text-right">Actions</Th> : null}
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {v.pages.map((p) => (
                    <Tr key={p.id}>
                      <Td className="max-w-xs break-all">{p.url}</Td>
                      <Td className="hidden text-sm text-ink-muted sm:table-cell">
                        {p.lastScannedAt ? formatDateTime(p.lastScannedAt) : "Not yet"}
                        {p.lastScanStatus === "error" ? <div className="text-xs text-red-700">Could not read: {p.lastScanError}</div> : null}
                        {p.lastScanStatus === "blocked_by_robots" ? <div className="text-xs text-amber-700">robots.txt blocks our scanner</div> : null}
                        {p.rescanRequestedAt ? <div className="text-xs text-ink-subtle">Rescan queued</div> : null}
                      </Td>
                      {v.canManage ? (
                        <Td className="text-right">
                          <ActionButton action={removePageAction.bind(null, partnerId, p.id)} label="Remove" variant="ghost" size="sm" confirm={`Stop declaring ${p.url}?`} />
                        </Td>
                      ) : null}
                    </Tr>
                  ))}
                </tbody>
              </Table>
            )}
          </CardBody>
        </Card>

        <Card>
          <CardHeader title="Where your badges are shown" description="Counted from the sites that load your badge images (updated every few seconds). Undeclared domains are flagged." />
          {v.embeds.length === 0 ? (
            <EmptyState title="No embeds seen yet" description="Once a site loads one of your badge images, it shows up here." />
          ) : (
            <Table caption="Badge embeds by site">
              <thead className="bg-slate-50">
                <tr>
                  <Th>Site</Th>
                  <Th className="hidden md:table-cell">Badge</Th>
                  <Th className="text-right">Loads</Th>
                  <Th className="hidden sm:table-cell">Last seen</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {v.embeds.map((e) => (
                  <Tr key={`${e.badgeId}-${e.host}`}>
                    <Td>
                      <span className="font-medium break-all">{e.host}</span> {e.declared ? null : <Badge tone="red">Undeclared</Badge>}
                    </Td>
                    <Td className="hidden text-ink-muted md:table-cell">{BADGE_LABELS[e.badge as keyof typeof BADGE_LABELS]}</Td>
                    <Td className="text-right tabular-nums">{formatNumber(e.requests)}</Td>
                    <Td className="hidden text-ink-muted sm:table-cell">{formatDate(e.lastSeenAt)}</Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
      </div>

      <Card className="mt-6">
        <CardHeader title="Badge issues" description="Found by the badge scanner on your declared pages, or by sites loading your badges. Fix each before its deadline, then mark it fixed: the page is scanned again." />
        {v.violations.length === 0 ? (
          <EmptyState title="No issues" description="Nothing found: your badges are shown correctly." />
        ) : (
          <>
            <Table caption="Badge issues">
              <thead className="bg-slate-50">
                <tr>
                  <Th>Issue</Th>
                  <Th>Status</Th>
                  <Th className="hidden md:table-cell">Deadline</Th>
                  {v.canManage ? <Th className="text-right">Actions</Th> : null}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {v.violations.map((x) => (
                  <Tr key={x.id} data-testid="violation-row">
                    <Td className="max-w-md">
                      <div className="font-medium">{VIOLATION_LABELS[x.kind]}</div>
                      <div className="text-xs break-all text-ink-muted">{x.pageUrl ?? x.host}</div>
                      <div className="mt-1 text-xs text-ink-muted">{x.detail}</div>
                      {x.status === "open" || x.status === "fix_claimed" ? <div className="mt-1 text-xs text-ink-subtle">{VIOLATION_REMEDIES[x.kind]}</div> : x.resolution ? <div className="mt-1 text-xs text-ink-subtle">{x.resolution}</div> : null}
                    </Td>
                    <Td>
                      <ViolationStatusBadge status={x.status} />
                    </Td>
                    <Td className="hidden md:table-cell">
                      {x.status === "open" || x.status === "fix_claimed" ? (
                        <span className={x.overdue ? "font-medium text-red-700" : "text-ink-muted"}>
                          {formatDate(x.deadlineAt)}
                          {x.overdue ? " (overdue)" : ""}
                        </span>
                      ) : (
                        <span className="text-ink-muted">Closed {formatDate(x.closedAt)}</span>
                      )}
                    </Td>
                    {v.canManage ? (
                      <Td className="text-right">
                        {x.status === "open" ? <ActionButton action={markViolationFixedAction.bind(null, partnerId, x.id)} label="Mark fixed" size="sm" variant="secondary" /> : null}
                      </Td>
                    ) : null}
                  </Tr>
                ))}
              </tbody>
            </Table>
            <div className="border-t border-slate-100 px-4">
              <Pagination page={q.page} pageSize={PAGE_SIZE} total={v.violationsTotal} path="/console/badges" baseParams={{}} label="issues" />
            </div>
          </>
        )}
      </Card>
    </>
  );
}
