import Link from "next/link";
import { ActionButton } from "@/components/evidence/action-button";
import { StackBadge, SurvivalBadge, VerifiedBadge } from "@/components/evidence/badges";
import { SurvivalTrendChart } from "@/components/evidence/charts";
import { ExportPackForm } from "@/components/evidence/export-pack-form";
import { CreateReportForm } from "@/components/evidence/report-form";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Stat } from "@/components/ui/stat";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { formatDate, formatDateTime, formatRelative } from "@/lib/format";
import { checkNowAction, createReportAction, setReportPublishedAction } from "@/lib/quality/actions";
import { REASON_LABELS, type AssetFailure } from "@/lib/quality/prober/probe";
import { caiVerifyLink, formatDuration, formatRate, meetsTtiBar, TTI_BAR_SECONDS, ttiSeconds } from "@/lib/quality/rules";
import type { getInstallDetail } from "@/lib/quality/views";

type Detail = Awaited<ReturnType<typeof getInstallDetail>>;

/** One install: TTI, survival windows, trend, latest probe, checks, reports. Console and admin. */
export function InstallDetailView({ d, now, basePath, page, breadcrumb }: { d: Detail; now: Date; basePath: string; page: number; breadcrumb: { href: string; label: string } }) {
  const i = d.install;
  const tti = ttiSeconds(i);
  const daily = d.daily.map((x) => ({ day: x.day, survival: x.checked ? x.survived / x.checked : null }));
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-4 text-sm text-ink-muted">
        <Link href={breadcrumb.href} className="hover:text-ink">
          {breadcrumb.label}
        </Link>{" "}
        / <span className="font-mono text-ink">{i.id}</span>
      </nav>
      <PageHeader
        title={i.customerName}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <a href={i.siteUrl} className="text-brand-700 hover:underline" target="_blank" rel="noopener noreferrer">
              {i.siteUrl}
            </a>
            <StackBadge stack={i.stack} />
            <VerifiedBadge verifiedAt={i.verifiedAt} />
            {i.partnerId ? null : <Badge tone="violet">Self-serve</Badge>}
          </span>
        }
        actions={
          <>
            {d.can.export && i.partnerId ? <ExportPackForm partnerId={i.partnerId} installId={i.id} /> : null}
            {d.can.runCheck ? (
              <ActionButton
                action={checkNowAction.bind(null, i.id)}
                label="Check now"
                testId="check-result"
                describe="Checked {checked} assets: {survived} kept their Content Credentials."
              />
            ) : null}
          </>
        }
      />
      <dl className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <Stat
          label="Time to install"
          value={tti === null ? "Pending" : formatDuration(tti)}
          hint={tti === null ? `Started ${formatDate(i.startedAt)}` : `${meetsTtiBar(i.stack, tti) ? "Within" : "Over"} the ${formatDuration(TTI_BAR_SECONDS[i.stack])} bar · verified ${formatDate(i.verifiedAt)}`}
        />
        {([7, 30, 90] as const).map((days) => (
          <Stat
            key={days}
            label={`Survival, ${days} days`}
            value={<SurvivalBadge checked={d.windows[days].checked} survived={d.windows[days].survived} />}
            hint={`${d.windows[days].checks} checks · ${d.windows[days].checked} assets · ${d.windows[days].embedded} embedded / ${d.windows[days].remote} remote`}
          />
        ))}
      </dl>

      <div className="mt-6 grid items-start gap-6 2xl:grid-cols-[1fr_22rem]">
        <div className="min-w-0 space-y-6">
          <Card>
            <CardHeader title="Survival, last 90 days" description="Share of checked assets whose Content Credentials were recoverable, per day." />
            <CardBody>
              {daily.length ? (
                <SurvivalTrendChart data={daily} series={[{ key: "survival", label: "Survival" }]} label={`Daily survival of ${i.customerName}`} />
              ) : (
                <p className="text-sm text-ink-muted">No checks in the last 90 days.</p>
              )}
            </CardBody>
          </Card>

          <Card>
            <CardHeader
              title="Latest check"
              description={d.latest ? `${formatDateTime(d.latest.checkedAt)} · ${d.latest.source === "probe" ? "probed" : d.latest.source === "api" ? "reported by the platform" : "imported"}` : undefined}
            />
            {!d.latest ? (
              <EmptyState title="Not checked yet" description={i.sampleUrls.length ? "Run a check now, or wait for the scheduled prober." : "Add sample asset URLs so the prober can check this site."} />
            ) : d.latestAssets.length === 0 ? (
              <CardBody>
                <p className="text-sm text-ink-muted">
                  {d.latest.assetsSurvived} of {d.latest.assetsChecked} assets survived ({formatRate(d.latest.assetsChecked ? d.latest.assetsSurvived / d.latest.assetsChecked : null)}); the platform sent counts only.
                </p>
              </CardBody>
            ) : (
              <Table caption="Assets in the latest check" data-testid="latest-assets">
                <thead className="bg-slate-50">
                  <tr>
                    <Th>Asset</Th>
                    <Th>Result</Th>
                    <Th className="hidden md:table-cell">Detail</Th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {d.latestAssets.map((a) => (
                    <Tr key={a.position}>
                      <Td className="max-w-xs">
                        <a href={caiVerifyLink(a.url)} target="_blank" rel="noopener noreferrer" className="block truncate font-mono text-xs text-brand-800 hover:underline" title={a.url}>
                          {a.url}
                        </a>
                      </Td>
                      <Td>
                        {a.survived ? (
                          <Badge tone="green">{a.method === "remote" ? "Remote manifest" : "Embedded"}</Badge>
                        ) : (
                          <Badge tone="red">{REASON_LABELS[a.reason as AssetFailure] ?? a.reason ?? "Failed"}</Badge>
                        )}
                      </Td>
                      <Td className="hidden max-w-sm text-xs text-ink-muted md:table-cell">{a.detail ?? (a.httpStatus ? `HTTP ${a.httpStatus} · ${a.bytes ?? 0} bytes · ${a.durationMs ?? 0} ms` : "")}</Td>
                    </Tr>
                  ))}
                </tbody>
              </Table>
            )}
          </Card>

          <Card>
            <CardHeader title="Checks" description={`${d.checks.total} in total, newest first`} />
            {d.checks.rows.length === 0 ? (
              <EmptyState title="No checks yet" />
            ) : (
              <>
                <Table caption="Survival checks">
                  <thead className="bg-slate-50">
                    <tr>
                      <Th>Checked</Th>
                      <Th>Survival</Th>
                      <Th className="hidden sm:table-cell">Assets</Th>
                      <Th className="hidden lg:table-cell">Embedded / remote</Th>
                      <Th className="hidden xl:table-cell">Errors</Th>
                      <Th className="hidden 2xl:table-cell">Note</Th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {d.checks.rows.map((c) => (
                      <Tr key={c.id}>
                        <Td className="whitespace-nowrap text-ink-muted">{formatDateTime(c.checkedAt)}</Td>
                        <Td>
                          <SurvivalBadge checked={c.assetsChecked} survived={c.assetsSurvived} />
                        </Td>
                        <Td className="hidden sm:table-cell">
                          {c.assetsSurvived} / {c.assetsChecked}
                        </Td>
                        <Td className="hidden lg:table-cell">
                          {c.survivedEmbedded} / {c.survivedRemote}
                        </Td>
                        <Td className="hidden xl:table-cell">{c.errors}</Td>
                        <Td className="hidden max-w-xs text-xs text-ink-muted 2xl:table-cell">{c.note ?? ""}</Td>
                      </Tr>
                    ))}
                  </tbody>
                </Table>
                <div className="border-t border-slate-100 px-4">
                  <Pagination page={page} pageSize={20} total={d.checks.total} path={basePath} baseParams={{}} label="checks" />
                </div>
              </>
            )}
          </Card>
        </div>

        <div className="space-y-6">
          <Card>
            <CardHeader title="Sample assets" description="Each opens the public CAI Verify tool." />
            <CardBody>
              {i.sampleUrls.length === 0 ? (
                <p className="text-sm text-ink-muted">No sample assets: the platform reports checks for this install.</p>
              ) : (
                <ul className="space-y-2">
                  {i.sampleUrls.map((u) => (
                    <li key={u} className="flex items-center justify-between gap-2">
                      <span className="truncate font-mono text-xs text-ink-muted" title={u}>
                        {u}
                      </span>
                      <a href={caiVerifyLink(u)} target="_blank" rel="noopener noreferrer" className={buttonClasses("ghost", "sm")}>
                        Verify<span className="sr-only"> {u}</span>
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </CardBody>
          </Card>
          {i.partnerId ? (
            <Card>
              <CardHeader title="Survival Reports" description="Public once published; printable." />
              <CardBody className="space-y-4">
                {d.can.createReport ? <CreateReportForm installId={i.id} create={createReportAction} /> : null}
                {d.reports.length === 0 ? (
                  <p className="text-sm text-ink-muted">No reports for this install yet.</p>
                ) : (
                  <ul className="divide-y divide-slate-100">
                    {d.reports.map((r) => (
                      <li key={r.id} className="space-y-2 py-3" data-testid="install-report">
                        <div className="flex items-center justify-between gap-2">
                          <span className="text-sm">
                            {formatDate(r.periodStart)} – {formatDate(r.periodEnd)}
                          </span>
                          {r.publishedAt ? <Badge tone="green">Published</Badge> : <Badge tone="gray">Draft</Badge>}
                        </div>
                        <div className="flex flex-wrap items-start gap-2">
                          {r.publishedAt ? (
                            <Link href={`/reports/${r.id}`} className={buttonClasses("secondary", "sm")}>
                              Open public report
                            </Link>
                          ) : null}
                          {d.can.publish ? (
                            <ActionButton
                              size="sm"
                              variant={r.publishedAt ? "ghost" : "primary"}
                              label={r.publishedAt ? "Unpublish" : "Publish report"}
                              action={setReportPublishedAction.bind(null, r.id, !r.publishedAt)}
                            />
                          ) : null}
                        </div>
                      </li>
                    ))}
                  </ul>
                )}
              </CardBody>
            </Card>
          ) : null}
          <Card>
            <CardHeader title="Details" />
            <CardBody>
              <dl className="space-y-3 text-sm">
                {(
                  [
                    ["Install id", <span key="id" className="font-mono text-xs">{i.id}</span>],
                    ["Recorded from", i.source === "api" ? "Platform API" : i.source === "console" ? "Console" : "Import"],
                    ["Started", formatDateTime(i.startedAt)],
                    ["Verified", formatDateTime(i.verifiedAt)],
                    ["Next scheduled check", i.nextProbeAt ? formatRelative(i.nextProbeAt, now) : "—"],
                    ["Customer contact", i.customerEmail ?? "—"],
                  ] as [string, React.ReactNode][]
                ).map(([k, v]) => (
                  <div key={k}>
                    <dt className="text-ink-subtle">{k}</dt>
                    <dd className="break-all text-ink">{v}</dd>
                  </div>
                ))}
              </dl>
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}
