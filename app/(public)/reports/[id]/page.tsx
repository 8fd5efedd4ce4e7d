import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PrintButton } from "@/components/evidence/print-button";
import { StackBadge, SurvivalBadge } from "@/components/evidence/badges";
import { SurvivalTrendChart } from "@/components/evidence/charts";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { formatDate, formatDateTime } from "@/lib/format";
import type { Stack } from "@/lib/partners/constants";
import { REASON_LABELS, type AssetFailure } from "@/lib/quality/prober/probe";
import { getPublishedReport } from "@/lib/quality/reports";
import { formatRate, SURVIVAL_BAR } from "@/lib/quality/rules";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const r = await getPublishedReport((await params).id);
  return r ? { title: `Survival Report · ${r.install.customerName}`, robots: { index: false } } : { title: "Report not found" };
}

export default async function PublicReportPage({ params }: Props) {
  const r = await getPublishedReport((await params).id);
  if (!r) notFound();
  const t = r.totals;
  const meets = t.rate !== null && t.rate >= SURVIVAL_BAR;
  return (
    <div className="mx-auto max-w-5xl px-4 py-8 sm:px-6 lg:py-12 print:max-w-none print:p-0">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm font-medium text-brand-700">Survival Report</p>
          <h1 className="mt-1 text-3xl font-semibold tracking-tight text-ink">{r.install.customerName}</h1>
          <p className="mt-2 flex flex-wrap items-center gap-2 text-sm text-ink-muted">
            <span className="break-all">{r.install.siteUrl}</span>
            <StackBadge stack={r.install.stack as Stack} />
            {r.partner ? (
              <span>
                set up by{" "}
                <Link href={`/partners/${r.partner.slug}`} className="text-brand-700 underline underline-offset-2">
                  {r.partner.name}
                </Link>
              </span>
            ) : null}
          </p>
          <p className="mt-1 text-sm text-ink-muted">
            {formatDateTime(r.periodStart)} to {formatDateTime(r.periodEnd)} · published {formatDate(r.publishedAt)} · report {r.id}
          </p>
        </div>
        <div className="no-print">
          <PrintButton />
        </div>
      </header>

      <section className="mt-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-4" aria-label="Summary">
        <div className="rounded-xl bg-white px-5 py-4 shadow-sm ring-1 ring-slate-200">
          <p className="text-sm text-ink-muted">Survival</p>
          <p className="mt-1 text-3xl font-semibold text-ink" data-testid="report-survival">
            {formatRate(t.rate)}
          </p>
          <p className="mt-1 text-xs">{t.rate === null ? "No checks in the period" : meets ? <Badge tone="green">Meets the 99.9% bar</Badge> : <Badge tone="red">Below the 99.9% bar</Badge>}</p>
        </div>
        <div className="rounded-xl bg-white px-5 py-4 shadow-sm ring-1 ring-slate-200">
          <p className="text-sm text-ink-muted">Checks</p>
          <p className="mt-1 text-3xl font-semibold text-ink">{t.checks}</p>
          <p className="mt-1 text-xs text-ink-subtle">{t.checked.toLocaleString("en-US")} assets checked</p>
        </div>
        <div className="rounded-xl bg-white px-5 py-4 shadow-sm ring-1 ring-slate-200">
          <p className="text-sm text-ink-muted">How credentials survived</p>
          <p className="mt-1 text-lg font-semibold text-ink">
            {t.remote.toLocaleString("en-US")} remote · {t.embedded.toLocaleString("en-US")} embedded
          </p>
          <p className="mt-1 text-xs text-ink-subtle">Remote: a Link rel=&quot;c2pa-manifest&quot; that resolved. Embedded: JPEG APP11 / PNG caBX.</p>
        </div>
        <div className="rounded-xl bg-white px-5 py-4 shadow-sm ring-1 ring-slate-200">
          <p className="text-sm text-ink-muted">Assets that could not be checked</p>
          <p className="mt-1 text-3xl font-semibold text-ink">{t.errors.toLocaleString("en-US")}</p>
          <p className="mt-1 text-xs text-ink-subtle">Counted as not surviving</p>
        </div>
      </section>

      {r.daily.length > 1 ? (
        <Card className="mt-6 print:break-inside-avoid">
          <CardHeader title="Survival per day" />
          <CardBody>
            <SurvivalTrendChart data={r.daily.map((d) => ({ day: d.day, survival: d.rate }))} series={[{ key: "survival", label: "Survival" }]} label="Survival per day in the report period" />
          </CardBody>
        </Card>
      ) : null}

      <Card className="mt-6">
        <CardHeader title="Sampled assets" description="Check any of them yourself with the public CAI Verify tool." />
        {r.sampled.length === 0 ? (
          <CardBody>
            <p className="text-sm text-ink-muted">No sampled assets listed for this install.</p>
          </CardBody>
        ) : (
          <Table caption="Sampled assets">
            <thead className="bg-slate-50">
              <tr>
                <Th>Asset</Th>
                <Th>Latest result</Th>
                <Th className="text-right">CAI Verify</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {r.sampled.map((a) => (
                <Tr key={a.url}>
                  <Td className="max-w-md font-mono text-xs break-all text-ink-muted">{a.url}</Td>
                  <Td>
                    {a.lastSurvived === null ? (
                      <Badge tone="gray">Not probed</Badge>
                    ) : a.lastSurvived ? (
                      <Badge tone="green">{a.lastMethod === "remote" ? "Remote manifest" : "Embedded"}</Badge>
                    ) : (
                      <Badge tone="red">{REASON_LABELS[a.lastReason as AssetFailure] ?? "Failed"}</Badge>
                    )}
                  </Td>
                  <Td className="text-right">
                    <a href={a.verifyUrl} target="_blank" rel="noopener noreferrer" className={buttonClasses("secondary", "sm")}>
                      Verify<span className="sr-only"> {a.url} (opens contentcredentials.org)</span>
                    </a>
                    <span className="hidden print:block print:text-[10px] print:break-all">{a.verifyUrl}</span>
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>

      <Card className="mt-6">
        <CardHeader title="Checks" description="Every survival check in the period, newest first." />
        {r.checks.length === 0 ? (
          <CardBody>
            <p className="text-sm text-ink-muted">No checks in this period.</p>
          </CardBody>
        ) : (
          <Table caption="Checks in the report period">
            <thead className="bg-slate-50">
              <tr>
                <Th>Checked</Th>
                <Th>Survival</Th>
                <Th>Survived / checked</Th>
                <Th className="hidden sm:table-cell print:table-cell">Embedded / remote</Th>
                <Th className="hidden md:table-cell print:table-cell">Errors</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {r.checks.map((c) => (
                <Tr key={c.id}>
                  <Td className="whitespace-nowrap text-ink-muted">{formatDateTime(c.checkedAt)}</Td>
                  <Td>
                    <SurvivalBadge checked={c.assetsChecked} survived={c.assetsSurvived} />
                  </Td>
                  <Td>
                    {c.assetsSurvived} / {c.assetsChecked}
                  </Td>
                  <Td className="hidden sm:table-cell print:table-cell">
                    {c.survivedEmbedded} / {c.survivedRemote}
                  </Td>
                  <Td className="hidden md:table-cell print:table-cell">{c.errors}</Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <p className="mt-6 text-xs text-ink-subtle">
        Survival is the share of checked assets whose Content Credentials were still recoverable. The program&apos;s bar for remote manifests is 99.9%.
      </p>
    </div>
  );
}
