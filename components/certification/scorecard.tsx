import { SurvivalTrendChart, TtiWeeklyChart } from "@/components/evidence/charts";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Stat } from "@/components/ui/stat";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { ASSESSMENT_LABELS } from "@/lib/certification/quiz-bank";
import type { ThresholdRow } from "@/lib/certification/views";
import { formatDate, formatDateTime } from "@/lib/format";
import { TIER_LABELS, type Tier } from "@/lib/partners/constants";
import { BadgeStateBadge, CertificationStatusBadge, RequirementList, type CertStatus } from "./status";
import { ThresholdChart } from "./threshold-chart";

/** Share of the bar reached, capped for the chart (a max-bar metric inverts). */
function share(r: ThresholdRow): number | null {
  if (r.value === null) return null;
  if (r.metric === "maxTtiP50Ratio") return Math.min(150, r.value === 0 ? 150 : (r.bar / r.value) * 100);
  if (r.bar === 0) return 100;
  return Math.max(0, Math.min(150, (r.value / r.bar) * 100));
}

export interface ScorecardData {
  partner: { name: string; tier: Tier; track: string };
  status: CertStatus;
  expiresAt: Date | null;
  requirements: Parameters<typeof RequirementList>[0]["requirements"];
  tiers: { tier: "advanced" | "premier"; rows: ThresholdRow[] }[];
  history: { id: string; fromTier: Tier; toTier: Tier; reason: string; note: string; actorLabel: string; at: Date }[];
  quizzes: { id: string; assessment: keyof typeof ASSESSMENT_LABELS; startedAt: Date; scorePct: number | null; passed: boolean | null }[];
  sla: { met: number; missed: number; open: number };
  badges: { id: string; label: string; state: string; tier: Tier | null }[];
  quality: { daily: Record<string, string | number | null>[]; weekly: { week: string; p50: number | null; p95: number | null }[] };
}

const REASONS: Record<string, string> = { thresholds: "Thresholds", miss_twice: "Miss-twice", probation: "Probation", manual: "Set by admin" };

export function Scorecard({ d }: { d: ScorecardData }) {
  const labels = d.tiers[0]?.rows.map((r) => r.label) ?? [];
  const chart = labels.map((label) => {
    const adv = d.tiers.find((t) => t.tier === "advanced")?.rows.find((r) => r.label === label);
    const pre = d.tiers.find((t) => t.tier === "premier")?.rows.find((r) => r.label === label);
    return { metric: label, advanced: adv ? share(adv) : null, premier: pre ? share(pre) : null };
  });
  const weekly = d.quality.weekly.filter((w): w is { week: string; p50: number; p95: number } => w.p50 !== null && w.p95 !== null);
  return (
    <div className="space-y-6">
      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="Tier" value={TIER_LABELS[d.partner.tier]} />
        <Stat label="Certification" value={<CertificationStatusBadge status={d.status} />} hint={d.expiresAt ? `Until ${formatDate(d.expiresAt)}` : undefined} />
        <Stat label="Requirements met" value={`${d.requirements.filter((r) => r.met).length} of ${d.requirements.length}`} />
        <Stat label="Incident SLA (90 days)" value={`${d.sla.met} met · ${d.sla.missed} missed`} hint={d.sla.open ? `${d.sla.open} awaiting a response` : undefined} />
      </dl>
      <Card>
        <CardHeader title="Tier metrics against thresholds" description="100% is exactly at the bar; every metric must reach it for the tier to hold." />
        <CardBody>
          <ThresholdChart data={chart} label="Tier metrics as a share of the Advanced and Premier thresholds" />
        </CardBody>
        {d.tiers.map((t) => (
          <Table key={t.tier} caption={`${TIER_LABELS[t.tier]} thresholds`}>
            <thead className="bg-slate-50">
              <tr>
                <Th>{TIER_LABELS[t.tier]}</Th>
                <Th>You</Th>
                <Th>Needed</Th>
                <Th>Status</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {t.rows.map((r) => (
                <Tr key={r.metric}>
                  <Td>{r.label}</Td>
                  <Td>{r.have}</Td>
                  <Td>{r.need}</Td>
                  <Td>{r.ok ? <Badge tone="green">Holds</Badge> : <Badge tone="amber">Not yet</Badge>}</Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        ))}
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title="Survival, last 90 days" description="Daily share of checked assets with recoverable credentials." />
          <CardBody>
            {d.quality.daily.some((p) => typeof p.all === "number") ? <SurvivalTrendChart data={d.quality.daily} series={[{ key: "all", label: "All stacks" }]} label="Daily survival over the last 90 days" /> : <EmptyState title="No survival checks yet" />}
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Time to install by week" description="p50 and p95 of installs verified each week." />
          <CardBody>{weekly.length ? <TtiWeeklyChart data={weekly} /> : <EmptyState title="No verified installs yet" />}</CardBody>
        </Card>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title="Requirements" />
          <RequirementList requirements={d.requirements} />
        </Card>
        <Card>
          <CardHeader title="Tier history" />
          {d.history.length === 0 ? (
            <EmptyState title="No tier changes yet" />
          ) : (
            <Table caption="Tier history">
              <thead className="bg-slate-50">
                <tr>
                  <Th>When</Th>
                  <Th>Change</Th>
                  <Th>Why</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {d.history.map((h) => (
                  <Tr key={h.id}>
                    <Td className="whitespace-nowrap text-ink-muted">{formatDate(h.at)}</Td>
                    <Td className="whitespace-nowrap">
                      {TIER_LABELS[h.fromTier]} → {TIER_LABELS[h.toTier]}
                    </Td>
                    <Td>
                      <Badge tone={h.reason === "miss_twice" ? "red" : h.reason === "manual" ? "violet" : "neutral"}>{REASONS[h.reason] ?? h.reason}</Badge>
                      <div className="text-xs text-ink-muted">{h.note}</div>
                    </Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title="Quiz results" />
          {d.quizzes.length === 0 ? (
            <EmptyState title="No quiz attempts" />
          ) : (
            <Table caption="Quiz results">
              <thead className="bg-slate-50">
                <tr>
                  <Th>Assessment</Th>
                  <Th>When</Th>
                  <Th>Score</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {d.quizzes.map((q) => (
                  <Tr key={q.id}>
                    <Td>{ASSESSMENT_LABELS[q.assessment]}</Td>
                    <Td className="whitespace-nowrap text-ink-muted">{formatDateTime(q.startedAt)}</Td>
                    <Td>{q.scorePct === null ? <Badge tone="gray">Not submitted</Badge> : <Badge tone={q.passed ? "green" : "red"}>{Math.round(q.scorePct)}%</Badge>}</Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
        <Card>
          <CardHeader title="Badges" />
          <CardBody>
            {d.badges.length === 0 ? (
              <p className="text-sm text-ink-muted">No badges yet.</p>
            ) : (
              <ul className="space-y-2">
                {d.badges.map((b) => (
                  <li key={b.id} className="flex items-center justify-between text-sm">
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
  );
}
