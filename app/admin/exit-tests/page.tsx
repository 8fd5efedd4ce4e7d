import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SignOffForm } from "@/components/analytics/sign-off-form";
import { ActionButton } from "@/components/evidence/action-button";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { getPrincipal, requireAdminPage } from "@/lib/auth/guards";
import { runExitTestsAction, signOffAction } from "@/lib/exit-tests/actions";
import { SIGN_OFF_STATEMENT } from "@/lib/exit-tests/sign-off";
import { getExitTestsView } from "@/lib/exit-tests/views";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Exit tests · Admin" };
const PAGE_SIZE = 10;

const fmt = (v: number | string | boolean | null) => (v === null ? "—" : typeof v === "number" ? (Number.isInteger(v) ? v.toLocaleString("en-US") : v < 0.001 && v > 0 ? v.toExponential(3) : String(Math.round(v * 10_000) / 10_000)) : String(v));

export default async function ExitTestsPage({ searchParams }: { searchParams: Promise<{ run?: string; page?: string }> }) {
  await requireAdminPage("/admin/exit-tests", "exit_tests:run");
  const sp = await searchParams;
  const page = Math.max(1, Math.min(100_000, Number(sp.page) || 1));
  const runId = typeof sp.run === "string" && /^etr_[0-9a-z]{6,40}$/.test(sp.run) ? sp.run : undefined;
  const v = await getExitTestsView(await getPrincipal(), { page, pageSize: PAGE_SIZE, runId });
  if (v.missingRun) notFound();
  const s = v.selected;
  return (
    <>
      <PageHeader
        eyebrow="Program admin"
        title="Exit tests"
        description="Binary tests of the phase on the live data: partner deal closure, TTI against self-serve, partner NPS and webinar leads. Every run keeps its verdicts, numbers and an evidence package with SHA-256 hashes that an executive signs."
        actions={<ActionButton action={runExitTestsAction} label="Run exit tests now" describe="Run finished: {passed} passed, {failed} failed." testId="run-result" />}
      />
      {!s ? (
        <Card>
          <EmptyState title="No runs yet" description="Run the exit tests to see each verdict with its numbers. The scheduled job (/api/cron/exit-tests) and `npm run exit-tests` record runs here too." />
        </Card>
      ) : (
        <>
          <Card className="mb-6">
            <CardHeader
              title={
                <span className="flex flex-wrap items-center gap-2">
                  Run of {formatDateTime(s.ranAt)} <Badge tone={s.passed ? "green" : "red"}>{s.passed ? "All passed" : "Not passed"}</Badge>
                </span>
              }
              description={`Triggered by ${s.trigger === "admin" ? "an admin" : s.trigger === "cron" ? "the schedule" : "the command line"} · run ${s.id}`}
              actions={
                <a href={`/api/admin/exit-tests/${s.id}/package`} className="text-sm font-medium text-brand-700 hover:underline" download>
                  Download evidence package
                </a>
              }
            />
            <ul className="divide-y divide-slate-100" aria-label="Verdicts">
              {s.results.map((r) => (
                <li key={r.id} className="px-5 py-4" data-testid={`exit-test-${r.number}`}>
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge tone={r.status === "PASS" ? "green" : "red"}>{r.status}</Badge>
                    <h3 className="font-semibold text-ink">
                      {r.number}. {r.title}
                    </h3>
                  </div>
                  <p className="mt-1 text-sm text-ink">{r.summary}</p>
                  {r.reasons.length ? (
                    <ul className="mt-1 list-disc pl-5 text-sm text-red-700">
                      {r.reasons.map((x) => (
                        <li key={x}>{x}</li>
                      ))}
                    </ul>
                  ) : null}
                  <details className="mt-2 text-sm">
                    <summary className="cursor-pointer text-ink-muted">Figures</summary>
                    <dl className="mt-2 grid gap-x-6 gap-y-1 sm:grid-cols-2 lg:grid-cols-3">
                      {Object.entries(r.figures).map(([k, val]) => (
                        <div key={k} className="flex justify-between gap-3 border-b border-slate-100 py-0.5">
                          <dt className="text-ink-muted">{k.replaceAll("_", " ")}</dt>
                          <dd className="font-mono text-xs tabular-nums">{fmt(val)}</dd>
                        </div>
                      ))}
                    </dl>
                  </details>
                </li>
              ))}
            </ul>
          </Card>

          <div className="mb-6 grid items-start gap-6 xl:grid-cols-2">
            <Card>
              <CardHeader title="Evidence package" description="manifest.json lists each file's SHA-256 and the generation time; check any file with sha256sum." />
              <CardBody className="space-y-3">
                {s.check.intact ? (
                  <Alert tone="success" testId="package-state">The package matches what was generated.</Alert>
                ) : (
                  <Alert tone="error" testId="package-state">
                    The package no longer matches what was generated: {s.check.changedFiles.join(", ")} changed. Signatures of the original package no longer match.
                  </Alert>
                )}
                <p className="break-all text-xs text-ink-muted">
                  manifest.json SHA-256 <span className="font-mono text-ink" data-testid="manifest-sha">{s.manifestSha256}</span>
                </p>
                <Table caption="Files in the package">
                  <thead className="bg-slate-50">
                    <tr>
                      <Th>File</Th>
                      <Th className="hidden md:table-cell">SHA-256</Th>
                      <Th className="text-right">Bytes</Th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {s.files.map((f) => (
                      <Tr key={f.path}>
                        <Td className="font-mono text-xs">{f.path}</Td>
                        <Td className="hidden font-mono text-xs text-ink-muted md:table-cell">{f.sha256.slice(0, 16)}…</Td>
                        <Td className="text-right tabular-nums">{f.bytes.toLocaleString("en-US")}</Td>
                      </Tr>
                    ))}
                  </tbody>
                </Table>
              </CardBody>
            </Card>
            <Card>
              <CardHeader title="Executive sign-off" description="An e-signature record: signer, time and the package hash signed." />
              <CardBody className="space-y-4">
                {s.signoffs.length ? (
                  <ul className="space-y-2" aria-label="Signatures">
                    {s.signoffs.map((x) => (
                      <li key={x.id} className="rounded-lg bg-slate-50 p-3 text-sm" data-testid="signoff">
                        <div className="flex flex-wrap items-center gap-2">
                          <span className="font-medium">{x.signerName}</span>
                          <span className="text-ink-muted">{x.signerEmail}</span>
                          <Badge tone={x.matches ? "green" : "red"}>{x.matches ? "Matches the package" : "Does not match the package"}</Badge>
                        </div>
                        <p className="text-xs text-ink-muted">Signed {formatDateTime(x.signedAt)}</p>
                        <p className="break-all font-mono text-xs">{x.packageSha256}</p>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="text-sm text-ink-muted">Not signed yet.</p>
                )}
                {v.canSign && !s.signedByMe && s.check.intact ? (
                  <SignOffForm runId={s.id} packageSha256={s.check.currentSha256} statement={SIGN_OFF_STATEMENT} action={signOffAction} />
                ) : !v.canSign ? (
                  <p className="text-sm text-ink-muted" data-testid="exec-only">
                    Only an exec can sign off this package, and you are not one.{" "}
                    <Link href="/admin/staff" className="font-medium text-brand-700 hover:underline">
                      See who the execs are
                    </Link>{" "}
                    on Program staff; an exec can grant you the role.
                  </p>
                ) : null}
              </CardBody>
            </Card>
          </div>
        </>
      )}
      <Card>
        <CardHeader title="Run history" />
        {v.runs.length === 0 ? (
          <EmptyState title="No runs yet" />
        ) : (
          <>
            <Table caption="Exit-test runs">
              <thead className="bg-slate-50">
                <tr>
                  <Th>When</Th>
                  <Th>Verdicts</Th>
                  <Th className="hidden sm:table-cell">Trigger</Th>
                  <Th className="hidden lg:table-cell">Package SHA-256</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {v.runs.map((r) => (
                  <Tr key={r.id}>
                    <Td>
                      <Link href={`/admin/exit-tests?run=${r.id}`} className="font-medium text-brand-700 hover:underline" aria-current={r.id === s?.id ? "true" : undefined}>
                        {formatDateTime(r.ranAt)}
                      </Link>
                    </Td>
                    <Td>
                      <span className="flex flex-wrap gap-1">
                        {r.results.map((x) => (
                          <Badge key={x.id} tone={x.status === "PASS" ? "green" : "red"}>
                            {x.number} {x.status}
                          </Badge>
                        ))}
                      </span>
                    </Td>
                    <Td className="hidden text-ink-muted sm:table-cell">{r.trigger}</Td>
                    <Td className="hidden font-mono text-xs text-ink-muted lg:table-cell">{r.manifestSha256.slice(0, 16)}…</Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
            <Pagination page={page} pageSize={PAGE_SIZE} total={v.total} path="/admin/exit-tests" baseParams={{}} label="runs" />
          </>
        )}
      </Card>
    </>
  );
}
