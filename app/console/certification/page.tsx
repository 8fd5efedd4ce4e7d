import type { Metadata } from "next";
import Link from "next/link";
import { NoPartner } from "@/components/console/no-partner";
import { BadgeStateBadge, CertificationStatusBadge, RequirementList } from "@/components/certification/status";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { getPrincipal, requireConsole } from "@/lib/auth/guards";
import { ASSESSMENT_LABELS } from "@/lib/certification/quiz-bank";
import { assessmentsOf } from "@/lib/certification/quizzes";
import { getCertificationView } from "@/lib/certification/views";
import { formatDate } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import { TIER_LABELS, TRACK_LABELS } from "@/lib/partners/constants";

export const metadata: Metadata = { title: "Certification" };

export default async function CertificationPage() {
  const { viewer, partnerId } = await requireConsole("/console/certification", "certification:read");
  if (!partnerId) return <NoPartner isAdmin={viewer.isAdmin} />;
  const now = new Date();
  const v = await getCertificationView(await getPrincipal(), partnerId, now);
  const auditor = v.partner.track === "auditor";
  const met = v.requirements.filter((r) => r.met).length;
  const quizzes = assessmentsOf(v.partner.track);
  return (
    <>
      <PageHeader
        eyebrow={`${TRACK_LABELS[v.partner.track]} track`}
        title="Certification"
        description={
          auditor
            ? "Your Auditor certification: the evidence you produce is tested the way a SOC 2 examination tests a control — reports must recompute from the raw checks and stored packs must verify against their SHA-256 manifests."
            : "Where you stand against your track's requirements, your certification dates, and what your next tier needs."
        }
        actions={
          <>
            <LinkButton href="/console/scorecard" variant="secondary">Scorecard</LinkButton>
            <LinkButton href="/console/certification/incidents" variant="secondary">Incidents</LinkButton>
            <LinkButton href="/console/certification/documents" variant="secondary">Documents</LinkButton>
          </>
        }
      />
      {auditor ? (
        <Alert className="mb-4" title="New to SOC 2?">
          Read <Link href="/soc2" className="font-medium underline">how the Auditor track maps to SOC 2 controls</Link>: the trust services criteria, what counts as evidence, and how exceptions are reported.
        </Alert>
      ) : null}
      {v.status === "recertifying" ? (
        <Alert tone="warning" className="mb-4" title="Re-certification due">
          Your certification expires on {formatDate(v.expiresAt)} ({v.daysLeft} days). Meet every requirement below before then and it renews for a year.
        </Alert>
      ) : v.status === "expired" ? (
        <Alert tone="error" className="mb-4" title="Certification expired">
          It expired on {formatDate(v.expiresAt)}. Your badges show as expired until you meet every requirement again; certification then starts over with a 60-day probation.
        </Alert>
      ) : v.status === "uncertified" && v.allMet ? (
        <Alert tone="success" className="mb-4" title="Every requirement is met">
          Your certification is recorded at the next evaluation.
        </Alert>
      ) : null}
      <dl className="mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="Status" value={<CertificationStatusBadge status={v.status} />} hint={v.status === "probation" ? `Probation ends ${formatDate(v.probationEndsAt)}; badges show gray until then` : v.evaluatedAt ? `Last evaluated ${formatDate(v.evaluatedAt)}` : undefined} />
        <Stat label="Requirements met" value={`${met} of ${v.requirements.length}`} />
        <Stat label="Certified until" value={v.expiresAt ? formatDate(v.expiresAt) : "—"} hint={v.certifiedAt ? `Certified ${formatDate(v.certifiedAt)}` : "Yearly re-certification, reminders 30 days before"} />
        <Stat label="Tier" value={TIER_LABELS[v.partner.tier]} hint={`${(v.benefits.subscriptionCommissionBps / 100).toFixed(0)}% commission${v.benefits.mdfEligible ? ", MDF eligible" : ""}${v.benefits.coSell ? ", co-sell" : ""}`} />
      </dl>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader title="Requirements" description={auditor ? "Evidence is validated, not just counted — as an auditor would test it." : "Met, missing, and what to do next."} />
          <RequirementList requirements={v.requirements} />
        </Card>
        <div className="space-y-6">
          {quizzes.length ? (
            <Card>
              <CardHeader title={auditor ? "Assessments" : "Quiz"} description="Pass at 85%. Timed, 3 attempts a day." />
              <CardBody className="space-y-3">
                {quizzes.map((a) => (
                  <div key={a} className="flex items-center justify-between gap-2">
                    <div>
                      <div className="text-sm font-medium text-ink">{ASSESSMENT_LABELS[a]}</div>
                      <div className="text-xs text-ink-subtle">{v.bestByAssessment[a] !== undefined ? `Best score ${Math.round(v.bestByAssessment[a]!)}%` : "Not taken yet"}</div>
                    </div>
                    <LinkButton href={`/console/certification/quiz/${a}`} size="sm" variant="secondary">
                      Open<span className="sr-only"> {ASSESSMENT_LABELS[a]}</span>
                    </LinkButton>
                  </div>
                ))}
              </CardBody>
            </Card>
          ) : null}
          <Card>
            <CardHeader title="Badges" description="Probation badges show gray." />
            <CardBody>
              {v.badges.length === 0 ? (
                <p className="text-sm text-ink-muted">No badges yet. Your track badge is issued when you are certified.</p>
              ) : (
                <ul className="space-y-2">
                  {v.badges.map((b) => (
                    <li key={b.id} className="flex items-center justify-between gap-2 text-sm">
                      <span>
                        {b.label}
                        {b.tier ? <span className="text-ink-subtle"> · {TIER_LABELS[b.tier]}</span> : null}
                      </span>
                      <BadgeStateBadge state={b.state} />
                    </li>
                  ))}
                </ul>
              )}
            </CardBody>
          </Card>
        </div>
      </div>
      <Card className="mt-6">
        <CardHeader
          title={v.nextTier ? `What ${TIER_LABELS[v.nextTier.tier]} needs` : "Premier: the top tier"}
          description={
            v.nextTier && v.nextBenefits
              ? `${TIER_LABELS[v.nextTier.tier]} grants ${(v.nextBenefits.subscriptionCommissionBps / 100).toFixed(0)}% commission, ${v.nextBenefits.mdfEligible ? `MDF up to ${formatMoney(v.nextBenefits.mdfYearlyBudgetCents, "USD")} a year` : "no MDF"}${v.nextBenefits.coSell ? ", co-selling" : ""} and directory placement band ${v.nextBenefits.placementBand}. Tiers move up or down with these figures.`
              : "Keep every threshold holding to stay here; tiers are re-evaluated nightly."
          }
        />
        {v.nextTier ? (
          <Table caption={`Thresholds for ${TIER_LABELS[v.nextTier.tier]}`}>
            <thead className="bg-slate-50">
              <tr>
                <Th>Metric</Th>
                <Th>You</Th>
                <Th>Needed</Th>
                <Th>Status</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {v.nextTier.rows.map((r) => (
                <Tr key={r.metric}>
                  <Td>{r.label}</Td>
                  <Td>{r.have}</Td>
                  <Td>{r.need}</Td>
                  <Td>{r.ok ? <Badge tone="green">Holds</Badge> : <Badge tone="amber">Not yet</Badge>}</Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        ) : null}
      </Card>
    </>
  );
}
