import { ATTRIBUTION_POLICY } from "@/lib/attribution/policy";
import { QUIZ_PASS_PCT, TRACK_REQUIREMENTS } from "@/lib/certification/requirements";
import { COMMISSION_PLAN, PRODUCTS } from "@/lib/commissions/plans";
import { DEAL_POLICY } from "@/lib/deals/policy";
import { BPS_DENOMINATOR, formatMoney } from "@/lib/money";
import { PROBATION_DAYS, TIERS, TRACKS, type Tier, type Track } from "@/lib/partners/constants";
import { SURVIVAL_BAR_PCT } from "@/lib/quality/bars";
import { TTI_BAR_SECONDS } from "@/lib/quality/rules";
import { TIER_BENEFITS } from "@/lib/tiers/benefits";
import { TIER_THRESHOLDS, TRACK_SLA_HOURS } from "@/lib/tiers/rules";
import { PAYOUT_TERMS } from "./payout-terms";

// The program's numbers, as the documents state them. A document never writes
// a rate, a window or an SLA literally: it writes a placeholder such as
// {{tier.premier.subscription_pct}}, filled here from the module that applies
// the rule. Change a number in code and every document follows; a placeholder
// that names no fact fails the render (and the tests).
//
// Worked example: TIER_BENEFITS.advanced.subscriptionCommissionBps = 2500, so
// "{{tier.advanced.subscription_pct}}" renders as "25%"; 1250 bp renders "12.5%".

export function pct(bps: number): string {
  const value = (bps / BPS_DENOMINATOR) * 100;
  return `${Number.isInteger(value) ? value : Number(value.toFixed(2))}%`;
}

function plainPct(value: number): string {
  return `${Number(value.toFixed(3))}%`;
}

function usd(cents: number): string {
  return formatMoney(cents, "USD").replace(/\.00$/, "");
}

function duration(seconds: number): string {
  if (seconds % 86_400 === 0) return seconds === 86_400 ? "1 day" : `${seconds / 86_400} days`;
  if (seconds % 3_600 === 0) return seconds === 3_600 ? "1 hour" : `${seconds / 3_600} hours`;
  return `${seconds / 60} minutes`;
}

function hours(h: number): string {
  return h === 1 ? "1 hour" : `${h} hours`;
}

const ORDINALS = ["first", "second", "third", "fourth"];

function quizTracks(): Record<Track, string[]> {
  const out = {} as Record<Track, string[]>;
  for (const track of TRACKS) {
    out[track] = TRACK_REQUIREMENTS[track].flatMap((r) => (r.kind === "quiz" ? [r.label] : []));
  }
  return out;
}

function requirement<K extends (typeof TRACK_REQUIREMENTS)[Track][number]["kind"]>(track: Track, kind: K) {
  const found = TRACK_REQUIREMENTS[track].find((r) => r.kind === kind);
  if (!found) throw new Error(`No ${kind} requirement on the ${track} track`);
  return found as Extract<(typeof TRACK_REQUIREMENTS)[Track][number], { kind: K }>;
}

/** Every fact a document may name, as the text it renders to. */
export function programFacts(): Record<string, string> {
  const f: Record<string, string> = {};
  for (const tier of TIERS) {
    const b = TIER_BENEFITS[tier as Tier];
    f[`tier.${tier}.subscription_pct`] = pct(b.subscriptionCommissionBps);
    f[`tier.${tier}.addon_pct`] = pct(b.addOnCommissionBps);
    f[`tier.${tier}.mdf_budget`] = b.mdfEligible ? `${usd(b.mdfYearlyBudgetCents)} a year` : "not eligible";
    f[`tier.${tier}.co_sell`] = b.coSell ? "yes" : "no";
    f[`tier.${tier}.co_marketing`] = b.coMarketing ? "yes" : "no";
    f[`tier.${tier}.placement`] = ORDINALS[b.placementBand] ?? String(b.placementBand + 1);
  }
  for (const track of TRACKS) {
    for (const tier of ["advanced", "premier"] as const) {
      const th = TIER_THRESHOLDS[track][tier];
      const key = `threshold.${track}.${tier}`;
      f[`${key}.installs`] = th.minVerifiedInstalls === null ? "—" : String(th.minVerifiedInstalls);
      f[`${key}.reports`] = th.minPublishedReports === null ? "—" : String(th.minPublishedReports);
      f[`${key}.survival_pct`] = th.minSurvivalPct === null ? "—" : plainPct(th.minSurvivalPct);
      f[`${key}.tti_ratio`] = th.maxTtiP50Ratio === null ? "—" : `${th.maxTtiP50Ratio}×`;
      f[`${key}.nps`] = th.minNps === null ? "—" : `${th.minNps} (${th.minNpsResponses} responses)`;
      f[`${key}.sla_met_pct`] = th.minSlaMetPct === null ? "—" : plainPct(th.minSlaMetPct);
    }
    f[`sla.${track}`] = hours(TRACK_SLA_HOURS[track]);
    f[`quiz.${track}`] = quizTracks()[track].join(" and ") || "none";
  }
  const installs = requirement("installer", "verified_installs");
  const survival = requirement("installer", "remote_survival");
  const reports = requirement("auditor", "public_reports");
  const references = requirement("enterprise_integrator", "approved_references");
  Object.assign(f, {
    "commission.subscription_term_months": `${COMMISSION_PLAN.subscriptionTermMonths} months`,
    "commission.hold_days": `${COMMISSION_PLAN.holdDays} days`,
    "commission.addon_term": COMMISSION_PLAN.addOnTermMonths === null ? "for as long as the customer keeps the add-on" : `for ${COMMISSION_PLAN.addOnTermMonths} months`,
    "bounty.pro": usd(PRODUCTS["provenance-pro"]?.bounty?.USD ?? 0),
    "bounty.enterprise": usd(PRODUCTS["provenance-enterprise"]?.bounty?.USD ?? 0),
    "attribution.window_days": `${ATTRIBUTION_POLICY.windowDays} days`,
    "attribution.cookie_days": `${ATTRIBUTION_POLICY.cookieMaxAgeDays} days`,
    "deals.protection_days": `${DEAL_POLICY.protectionDays} days`,
    "deals.reminder_days": `${DEAL_POLICY.reminderDaysBefore} days`,
    "deals.max_extension_days": `${DEAL_POLICY.maxExtensionDays} days`,
    "probation.days": `${PROBATION_DAYS} days`,
    "quiz.pass_pct": `${QUIZ_PASS_PCT}%`,
    "survival.bar_pct": plainPct(SURVIVAL_BAR_PCT),
    "tti.wordpress": duration(TTI_BAR_SECONDS.wordpress),
    "tti.shopify": duration(TTI_BAR_SECONDS.shopify),
    "tti.workers": duration(TTI_BAR_SECONDS.workers),
    "tti.custom": duration(TTI_BAR_SECONDS.custom),
    "cert.installer.installs": String(installs.min),
    "cert.installer.survival_window_days": `${survival.windowDays} days`,
    "cert.installer.survival_min_assets": String(survival.minAssets),
    "cert.auditor.reports": String(reports.min),
    "cert.auditor.report_min_checks": String(reports.minChecks),
    "cert.auditor.report_max_age_days": `${reports.maxAgeDays} days`,
    "cert.enterprise.references": String(references.min),
    "payout.cadence": PAYOUT_TERMS.cadence,
    "payout.net_days": `net-${PAYOUT_TERMS.netDays}`,
    "payout.minimum_usd": usd(PAYOUT_TERMS.minimumCents.USD ?? 0),
    "payout.minimum_eur": formatMoney(PAYOUT_TERMS.minimumCents.EUR ?? 0, "EUR").replace(/\.00$/, ""),
    "payout.minimum_gbp": formatMoney(PAYOUT_TERMS.minimumCents.GBP ?? 0, "GBP").replace(/\.00$/, ""),
  });
  return f;
}

const PLACEHOLDER = /\{\{\s*([a-z0-9_.-]+)\s*\}\}/g;

export class UnknownFactError extends Error {}

/** The Markdown with every {{fact}} filled in; throws on a name no fact has. */
export function fillFacts(markdown: string, facts: Record<string, string> = programFacts()): string {
  return markdown.replace(PLACEHOLDER, (_, key: string) => {
    const value = facts[key];
    if (value === undefined) throw new UnknownFactError(`Unknown fact {{${key}}}`);
    return value;
  });
}

export function placeholdersIn(markdown: string): string[] {
  return [...markdown.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}
