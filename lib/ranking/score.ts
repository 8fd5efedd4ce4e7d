import type { Stack, Tier, Track } from "@/lib/partners/constants";
import { SURVIVAL_BAR, TTI_BAR_SECONDS } from "@/lib/quality/rules";
import { TIER_BENEFITS } from "@/lib/tiers/benefits";

// The directory ranking. Pure: plain data and `now` in, numbers out. The cron
// (lib/ranking/store.ts) computes the same thing set-based in SQL from the
// same constants; a test holds the two together.
//
//   score = 0.4 C + 0.3 P + 0.2 N + 0.1 R            every term in [0, 1]
//
// C, compliance
//   Installers and Enterprise Integrators:  C = 0.5 S + 0.3 B + 0.2 E
//   Auditors (they install nothing, so there is no survival of their own):
//                                           C = 0.6 B + 0.4 E
//   S  survival over the last 30 days (survival_windows, all stacks):
//        r = survived / checked;  S = clamp((r - 0.99) / (0.999 - 0.99), 0, 1)
//        -> 1 at the 99.9% bar or above, 0 at 99% or below, linear between; 0 with no checks.
//   B  certification, from the partner's track badge (partner_badges, kind 'track'):
//        active 1, probation 0.5, expired / revoked / none 0.
//   E  valid evidence in the last 90 days ([now - 90 d, now]): published Survival Reports (by
//        published_at) plus Evidence Pack exports (by created_at):  E = min(1, count / 3).
//
// P, performance
//   Installers and Enterprise Integrators:  P = 0.7 T + 0.3 L;   Auditors: P = L
//   T  TTI p50 against the stack's bar (tti_rollups, one row per stack with verified installs):
//        ratio_s = p50_s / bar_s;  t_s = clamp((2 - ratio_s) / (2 - 1), 0, 1)
//        -> 1 at or under the bar, 0 at twice the bar or more;
//        T = sum(verified_s * t_s) / sum(verified_s), 0 without verified installs.
//   L  SLA met, from leads of the last 90 days: a lead counts once it was answered or its SLA
//        (created_at + sla_response_hours) has passed; it is met when answered within the SLA.
//        L = met / counted;  0.5 when nothing counts yet;  0 when no SLA is published.
//
// N, customer satisfaction (customer NPS responses of the last 365 days)
//   NPS as a fraction: (promoters(9-10) - detractors(0-6)) / n, in [-1, 1]. With few responses
//   it is shrunk toward the program mean m (all listed partners' responses in the same window, 0
//   if none)
//   as if k = 10 responses at the mean were added:
//        nps* = (promoters - detractors + k m) / (n + k);   N = (nps* + 1) / 2
//
// R, recency and activity
//   Each activity in the last 365 days ([now - 365 d, now]) weighs 2^(-age_days / 30) (half-life 30 days):
//   installs started, Survival Reports published, Evidence Packs exported, leads answered,
//   listing edits (partners.updated_at). A = sum of weights;  R = A / (A + 3)
//   -> three fresh activities give 0.5, nine give 0.75; nothing in a year gives 0.
//
// The score is rounded to 6 decimal places (so SQL and JS agree exactly).
//
// Placement (lib/tiers/benefits.ts placementBand): Premier (band 0) before Advanced (1) before
// Verified (2), whatever the scores. Within a band, partners on probation come after every
// partner of that band that is not on probation: probation never outranks its own tier's
// established partners, and never a higher tier. Then score (high first), then name (by code
// point), then id: a total order, so ranks are deterministic.
//
// Worked example (an installer, Advanced, not on probation, program NPS mean m = 0.2):
//   survival 30 d: 9,990 of 10,000 -> r = 0.999 -> S = 1
//   track badge active -> B = 1;   2 reports + 0 exports -> E = 0.6667
//   C = 0.5 + 0.3 + 0.2 * 0.6667 = 0.9333
//   TTI: wordpress p50 600 s (bar 900 s, 8 installs) -> t = 1;
//        custom p50 129,600 s (bar 86,400 s, 2 installs) -> ratio 1.5 -> t = 0.5
//        T = (8 * 1 + 2 * 0.5) / 10 = 0.9;   leads: 3 of 4 within SLA -> L = 0.75
//   P = 0.7 * 0.9 + 0.3 * 0.75 = 0.855
//   NPS: 6 promoters, 3 passives, 1 detractor (n = 10) -> nps* = (5 + 2) / 20 = 0.35 -> N = 0.675
//   activity: ages 0 and 30 days -> A = 1 + 0.5 = 1.5 -> R = 1.5 / 4.5 = 0.3333
//   score = 0.4 * 0.9333 + 0.3 * 0.855 + 0.2 * 0.675 + 0.1 * 0.3333 = 0.798167

export const RANKING = {
  weights: { compliance: 0.4, performance: 0.3, satisfaction: 0.2, recency: 0.1 },
  compliance: { survival: 0.5, certification: 0.3, evidence: 0.2 },
  auditorCompliance: { certification: 0.6, evidence: 0.4 },
  performance: { tti: 0.7, sla: 0.3 },
  survivalFloor: 0.99,
  survivalBar: SURVIVAL_BAR,
  survivalWindowDays: 30,
  badgeCredit: { active: 1, probation: 0.5 } as Record<string, number>,
  evidenceWindowDays: 90,
  evidenceTarget: 3,
  /** TTI at this multiple of the bar (or more) earns nothing. */
  ttiZeroRatio: 2,
  slaWindowDays: 90,
  slaNothingDue: 0.5,
  npsWindowDays: 365,
  npsPriorWeight: 10,
  activityWindowDays: 365,
  activityHalfLifeDays: 30,
  activityHalfSaturation: 3,
} as const;

const DAY_MS = 86_400_000;

export type BadgeStateInput = "active" | "probation" | "expired" | "revoked" | null;

export interface RankingInput {
  id: string;
  name: string;
  track: Track;
  tier: Tier;
  onProbation: boolean;
  /** Assets checked and survived over the last 30 days, all stacks. */
  survival30: { checked: number; survived: number };
  trackBadge: BadgeStateInput;
  /** When Survival Reports were published and Evidence Packs exported (any age). */
  evidence: Date[];
  tti: { stack: Stack; verified: number; p50Seconds: number | null }[];
  slaResponseHours: number | null;
  /** Leads of the last 90 days. */
  leads: { createdAt: Date; answeredAt: Date | null }[];
  /** Customer NPS counts of the last 365 days. */
  nps: { promoters: number; passives: number; detractors: number };
  /** When the partner did something that counts as activity (any age; old ones are ignored). */
  activity: Date[];
}

export interface Components {
  compliance: number;
  performance: number;
  satisfaction: number;
  recency: number;
}

export interface ScoreBreakdown extends Components {
  score: number;
  parts: {
    survival: number | null;
    certification: number;
    evidence: number;
    tti: number | null;
    sla: number;
    npsRaw: number | null;
    npsShrunk: number;
    activityMass: number;
  };
}

export const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);
export const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

export function survivalPart(checked: number, survived: number): number {
  if (checked <= 0) return 0;
  return clamp01((survived / checked - RANKING.survivalFloor) / (RANKING.survivalBar - RANKING.survivalFloor));
}

export function certificationPart(state: BadgeStateInput): number {
  return state ? (RANKING.badgeCredit[state] ?? 0) : 0;
}

/** Counts the dates within [now - days, now]. */
export function countWithin(dates: readonly Date[], days: number, now: Date): number {
  const from = now.getTime() - days * DAY_MS;
  return dates.filter((d) => d.getTime() >= from && d.getTime() <= now.getTime()).length;
}

export function evidencePart(dates: readonly Date[], now: Date): number {
  return Math.min(1, countWithin(dates, RANKING.evidenceWindowDays, now) / RANKING.evidenceTarget);
}

export function ttiPart(rows: RankingInput["tti"]): number {
  let weight = 0;
  let sum = 0;
  for (const r of rows) {
    if (r.verified <= 0 || r.p50Seconds === null) continue;
    const ratio = r.p50Seconds / TTI_BAR_SECONDS[r.stack];
    sum += r.verified * clamp01((RANKING.ttiZeroRatio - ratio) / (RANKING.ttiZeroRatio - 1));
    weight += r.verified;
  }
  return weight === 0 ? 0 : sum / weight;
}

/** Leads counted for the SLA at `now`, and how many were answered within it. */
export function slaPart(slaHours: number | null, leads: RankingInput["leads"], now: Date): number {
  if (slaHours === null) return 0;
  const slaMs = slaHours * 3_600_000;
  const from = now.getTime() - RANKING.slaWindowDays * DAY_MS;
  let counted = 0;
  let met = 0;
  for (const l of leads) {
    const created = l.createdAt.getTime();
    if (created < from || created > now.getTime()) continue;
    const deadline = created + slaMs;
    const answered = l.answeredAt !== null && l.answeredAt.getTime() <= now.getTime();
    if (!answered && deadline > now.getTime()) continue;
    counted += 1;
    if (answered && l.answeredAt!.getTime() <= deadline) met += 1;
  }
  return counted === 0 ? RANKING.slaNothingDue : met / counted;
}

/** Program NPS mean as a fraction in [-1, 1]; 0 without responses. */
export function programNpsMean(all: readonly RankingInput["nps"][]): number {
  let p = 0;
  let d = 0;
  let n = 0;
  for (const x of all) {
    p += x.promoters;
    d += x.detractors;
    n += x.promoters + x.passives + x.detractors;
  }
  return n === 0 ? 0 : (p - d) / n;
}

export function shrunkNps(nps: RankingInput["nps"], programMean: number): number {
  const n = nps.promoters + nps.passives + nps.detractors;
  const k = RANKING.npsPriorWeight;
  return (nps.promoters - nps.detractors + k * programMean) / (n + k);
}

export function activityMass(dates: readonly Date[], now: Date): number {
  let mass = 0;
  for (const d of dates) {
    const ageDays = (now.getTime() - d.getTime()) / DAY_MS;
    if (ageDays < 0 || ageDays > RANKING.activityWindowDays) continue;
    mass += Math.pow(2, -ageDays / RANKING.activityHalfLifeDays);
  }
  return mass;
}

export function recencyPart(mass: number): number {
  return mass / (mass + RANKING.activityHalfSaturation);
}

export function scorePartner(input: RankingInput, programMean: number, now: Date): ScoreBreakdown {
  const auditor = input.track === "auditor";
  const survival = auditor ? null : survivalPart(input.survival30.checked, input.survival30.survived);
  const certification = certificationPart(input.trackBadge);
  const evidence = evidencePart(input.evidence, now);
  const compliance = auditor
    ? RANKING.auditorCompliance.certification * certification + RANKING.auditorCompliance.evidence * evidence
    : RANKING.compliance.survival * survival! + RANKING.compliance.certification * certification + RANKING.compliance.evidence * evidence;
  const tti = auditor ? null : ttiPart(input.tti);
  const sla = slaPart(input.slaResponseHours, input.leads, now);
  const performance = auditor ? sla : RANKING.performance.tti * tti! + RANKING.performance.sla * sla;
  const n = input.nps.promoters + input.nps.passives + input.nps.detractors;
  const npsShrunk = shrunkNps(input.nps, programMean);
  const satisfaction = (npsShrunk + 1) / 2;
  const mass = activityMass(input.activity, now);
  const recency = recencyPart(mass);
  const w = RANKING.weights;
  const score = round6(w.compliance * compliance + w.performance * performance + w.satisfaction * satisfaction + w.recency * recency);
  return {
    score,
    compliance,
    performance,
    satisfaction,
    recency,
    parts: {
      survival,
      certification,
      evidence,
      tti,
      sla,
      npsRaw: n === 0 ? null : (input.nps.promoters - input.nps.detractors) / n,
      npsShrunk,
      activityMass: mass,
    },
  };
}

export function placementBand(tier: Tier): number {
  return TIER_BENEFITS[tier].placementBand;
}

export interface Placed {
  id: string;
  name: string;
  tier: Tier;
  onProbation: boolean;
  score: number;
}

/** The directory order: band, then probation last within the band, then score, name, id. */
export function comparePlacement(a: Placed, b: Placed): number {
  return (
    placementBand(a.tier) - placementBand(b.tier) ||
    Number(a.onProbation) - Number(b.onProbation) ||
    b.score - a.score ||
    codePointCompare(a.name, b.name) ||
    codePointCompare(a.id, b.id)
  );
}

function codePointCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface RankedPartner extends ScoreBreakdown {
  id: string;
  rank: number;
  placementBand: number;
  onProbation: boolean;
}

/** Scores and ranks every partner given (the listed ones: suspended partners are not passed in). */
export function rankPartners(inputs: readonly RankingInput[], now: Date): RankedPartner[] {
  const mean = programNpsMean(inputs.map((i) => i.nps));
  const scored = inputs.map((i) => ({ input: i, breakdown: scorePartner(i, mean, now) }));
  scored.sort((a, b) =>
    comparePlacement(
      { ...a.input, score: a.breakdown.score },
      { ...b.input, score: b.breakdown.score },
    ),
  );
  return scored.map((s, index) => ({
    id: s.input.id,
    rank: index + 1,
    placementBand: placementBand(s.input.tier),
    onProbation: s.input.onProbation,
    ...s.breakdown,
  }));
}
