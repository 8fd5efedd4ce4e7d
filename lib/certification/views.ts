import "server-only";
import { getDb } from "@/db/client";
import type { Assessment } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { assertAdmin, assertPartner, type Principal } from "@/lib/auth/permissions";
import { findPartner } from "@/lib/partners/store";
import { TIERS, type Tier } from "@/lib/partners/constants";
import { benefitsOf } from "@/lib/tiers/benefits";
import { checkThreshold, TIER_THRESHOLDS, TRACK_SLA_HOURS, type TierMetrics, type TierThreshold } from "@/lib/tiers/rules";
import { BADGE_LABELS } from "./badge-sync";
import { evaluatePartner, PROBATION_DAYS, type PartnerDecision } from "./evaluate";
import { slaState } from "./incidents";
import { DAY_MS } from "./math";
import { badgeRowsOf, certificationOverview, listPartnerCertifications, reviewQueue, quizHistory, findCertification, listIncidents, listSubmissions, loadEvidence, tierHistory } from "./store";

// Read models for the console, the admin pages and the API: the live
// evaluation of a partner's evidence (what the nightly job would decide now)
// next to what was recorded.

export const METRIC_LABELS: Record<keyof TierThreshold, string> = {
  minVerifiedInstalls: "Verified installs",
  minPublishedReports: "Published Survival Reports",
  minSurvivalPct: "Remote-manifest survival (30 days)",
  maxTtiP50Ratio: "TTI p50 vs the stack bar",
  minNps: "Customer NPS (12 months)",
  minNpsResponses: "NPS responses",
  minSlaMetPct: "Incidents answered within SLA (90 days)",
};

const METRIC_VALUE: Record<keyof TierThreshold, (m: TierMetrics) => number | null> = {
  minVerifiedInstalls: (m) => m.verifiedInstalls,
  minPublishedReports: (m) => m.publishedReports,
  minSurvivalPct: (m) => m.survivalPct,
  maxTtiP50Ratio: (m) => m.ttiP50Ratio,
  minNps: (m) => m.nps,
  minNpsResponses: (m) => m.npsResponses,
  minSlaMetPct: (m) => m.slaMetPct,
};

export function formatMetric(metric: keyof TierThreshold, v: number | null): string {
  if (v === null) return "no data";
  if (metric === "minSurvivalPct" || metric === "minSlaMetPct") return `${(Math.floor(v * 100) / 100).toFixed(2)}%`;
  if (metric === "maxTtiP50Ratio") return `${v.toFixed(2)}×`;
  if (metric === "minNps") return v.toFixed(0);
  return String(v);
}

export interface ThresholdRow {
  metric: keyof TierThreshold;
  label: string;
  have: string;
  need: string;
  ok: boolean;
  value: number | null;
  bar: number;
}

export function thresholdRows(m: TierMetrics, th: TierThreshold): ThresholdRow[] {
  return checkThreshold(m, th).map((c) => {
    const bar = th[c.metric] as number;
    return { metric: c.metric, label: METRIC_LABELS[c.metric], have: formatMetric(c.metric, METRIC_VALUE[c.metric](m)), need: `${c.metric === "maxTtiP50Ratio" ? "≤" : "≥"} ${formatMetric(c.metric, bar)}`, ok: c.ok, value: METRIC_VALUE[c.metric](m), bar };
  });
}

export function nextTierOf(tier: Tier): Exclude<Tier, "verified"> | null {
  const i = TIERS.indexOf(tier);
  return i < TIERS.length - 1 ? (TIERS[i + 1] as Exclude<Tier, "verified">) : null;
}

async function decide(partnerId: string, now: Date): Promise<{ decision: PartnerDecision; track: string }> {
  const { evidence } = await loadEvidence(await getDb(), [partnerId], now);
  const e = evidence.get(partnerId);
  if (!e) throw notFound("Partner");
  return { decision: evaluatePartner(e, now), track: e.track };
}

export async function getCertificationView(principal: Principal | null, partnerId: string, now: Date) {
  assertPartner(principal, "certification:read", partnerId);
  const db = await getDb();
  const partner = await findPartner(db, partnerId);
  if (!partner) throw notFound("Partner");
  const [{ decision }, cert, submissions, incidents, attempts, badges] = await Promise.all([
    decide(partnerId, now),
    findCertification(db, partnerId),
    listSubmissions(db, partnerId),
    listIncidents(db, partnerId, 1, 100),
    quizHistory(db, partnerId, undefined, 50),
    badgeRowsOf(db, partnerId),
  ]);
  const status = decision.certification.before;
  const next = nextTierOf(partner.tier);
  const bestByAssessment = new Map<Assessment, number>();
  for (const a of attempts) if (a.scorePct !== null) bestByAssessment.set(a.assessment, Math.max(bestByAssessment.get(a.assessment) ?? 0, a.scorePct));
  return {
    partner: { id: partner.id, name: partner.name, track: partner.track, tier: partner.tier },
    status,
    certifiedAt: cert?.certifiedAt ?? null,
    expiresAt: cert?.expiresAt ?? null,
    probationEndsAt: cert?.certifiedAt ? new Date(cert.certifiedAt.getTime() + PROBATION_DAYS * DAY_MS) : null,
    daysLeft: cert?.expiresAt ? Math.max(0, Math.ceil((cert.expiresAt.getTime() - now.getTime()) / DAY_MS)) : null,
    evaluatedAt: cert?.evaluatedAt ?? null,
    requirements: decision.track.requirements,
    allMet: decision.track.allMet,
    metrics: decision.metrics,
    nextTier: next ? { tier: next, rows: thresholdRows(decision.metrics, TIER_THRESHOLDS[partner.track][next]) } : null,
    benefits: benefitsOf(partner.tier),
    nextBenefits: next ? benefitsOf(next) : null,
    earned: decision.badges,
    badges: badges.map((b) => ({ id: b.id, badge: b.badge, label: BADGE_LABELS[b.badge], state: b.state, tier: b.tier, expiresAt: b.expiresAt })),
    misses: decision.misses,
    alerts: decision.alerts,
    submissions,
    incidents: incidents.rows.map((i) => ({ ...i, sla: slaState(i, now) })),
    bestByAssessment: Object.fromEntries(bestByAssessment) as Partial<Record<Assessment, number>>,
  };
}

export type CertificationView = Awaited<ReturnType<typeof getCertificationView>>;

/** The API's view: status, requirement progress, next tier, badges earned. */
export async function getCertificationForApi(principal: Principal | null, partnerId: string, now: Date) {
  const v = await getCertificationView(principal, partnerId, now);
  return {
    partnerId: v.partner.id,
    track: v.partner.track,
    tier: v.partner.tier,
    status: v.status,
    certifiedAt: v.certifiedAt?.toISOString() ?? null,
    expiresAt: v.expiresAt?.toISOString() ?? null,
    probationEndsAt: v.probationEndsAt?.toISOString() ?? null,
    requirements: v.requirements,
    requirementsMet: v.requirements.filter((r) => r.met).length,
    nextTier: v.nextTier ? { tier: v.nextTier.tier, missing: v.nextTier.rows.filter((r) => !r.ok).map((r) => ({ metric: r.metric, label: r.label, have: r.have, need: r.need })) } : null,
    badges: v.earned,
  };
}

export async function getScorecard(principal: Principal | null, partnerId: string, now: Date) {
  const v = await getCertificationView(principal, partnerId, now);
  const db = await getDb();
  const history = await tierHistory(db, partnerId);
  const tiers = (["advanced", "premier"] as const).map((tier) => ({ tier, rows: thresholdRows(v.metrics, TIER_THRESHOLDS[v.partner.track][tier]) }));
  const quizzes = await quizHistory(db, partnerId, undefined, 20);
  const sla = { met: v.incidents.filter((i) => i.sla === "met").length, missed: v.incidents.filter((i) => i.sla === "missed" || i.sla === "overdue").length, open: v.incidents.filter((i) => i.sla === "open").length };
  return { ...v, tiers, history, quizzes, sla };
}

/** Admin: one partner's certification with its history. */
export async function getAdminCertification(principal: Principal | null, partnerId: string, now: Date) {
  assertAdmin(principal, "certification:review");
  const db = await getDb();
  const partner = await findPartner(db, partnerId);
  if (!partner) throw notFound("Partner");
  const cert = await findCertification(db, partnerId);
  const scorecard = await getScorecard(principal, partnerId, now);
  return { ...scorecard, tierOverrideUntil: cert?.tierOverrideUntil ?? null };
}



/** A partner's attempts at one assessment, newest first (scores only; never the answers). */
export async function quizAttemptsFor(principal: Principal | null, partnerId: string, assessment: Assessment) {
  assertPartner(principal, "certification:read", partnerId);
  const rows = await quizHistory(await getDb(), partnerId, assessment, 20);
  return rows.map((r) => ({ id: r.id, startedAt: r.startedAt, deadlineAt: r.deadlineAt, submittedAt: r.submittedAt, scorePct: r.scorePct, passed: r.passed }));
}

export async function getIncidentsPage(principal: Principal | null, partnerId: string, page: number, pageSize: number, now: Date) {
  assertPartner(principal, "certification:read", partnerId);
  const db = await getDb();
  const partner = await findPartner(db, partnerId);
  if (!partner) throw notFound("Partner");
  const { rows, total } = await listIncidents(db, partnerId, page, pageSize);
  return { rows: rows.map((i) => ({ ...i, sla: slaState(i, now) })), total, slaHours: TRACK_SLA_HOURS[partner.track] };
}

export async function getDocumentsPage(principal: Principal | null, partnerId: string) {
  assertPartner(principal, "certification:read", partnerId);
  const db = await getDb();
  const partner = await findPartner(db, partnerId);
  if (!partner) throw notFound("Partner");
  return { track: partner.track, submissions: await listSubmissions(db, partnerId) };
}

export async function getAdminCertificationHome(principal: Principal | null, q: { tab: "pending" | "approved" | "rejected"; page: number; status?: string; partnersPage: number }) {
  assertAdmin(principal, "certification:review");
  const db = await getDb();
  const [queue, overview, list] = await Promise.all([
    reviewQueue(db, { status: q.tab, page: q.page, pageSize: 20 }),
    certificationOverview(db),
    listPartnerCertifications(db, { status: q.status, page: q.partnersPage, pageSize: 25 }),
  ]);
  return { queue, overview: Object.fromEntries(overview.map((o) => [o.status, o.n])) as Record<string, number>, partners: list };
}
