import type { Stack } from "@/lib/partners/constants";
import { percentile } from "./percentile";

// The program's evidence rules, as pure functions of plain data and `now`.

/** Remote-manifest survival bar: at least 99.9% of checked assets keep their credentials. */
export const SURVIVAL_BAR = 0.999;

/**
 * TTI bars per stack, in seconds. The program sets 15 minutes for the WordPress
 * plugin and the Shopify app, and one day for engineering-led stacks (custom
 * and Cloudflare Workers, which both need the customer's developers).
 */
export const TTI_BAR_SECONDS: Record<Stack, number> = {
  wordpress: 15 * 60,
  shopify: 15 * 60,
  workers: 24 * 60 * 60,
  custom: 24 * 60 * 60,
};

export const SURVIVAL_WINDOWS = [7, 30, 90] as const;
export type SurvivalWindow = (typeof SURVIVAL_WINDOWS)[number];

const DAY_MS = 24 * 60 * 60 * 1000;

/** Share of checked assets that survived, or null when nothing was checked. */
export function survivalRate(checked: number, survived: number): number | null {
  if (checked <= 0) return null;
  return survived / checked;
}

/** Whether a survival rate meets the bar. Exactly 99.9% meets it. */
export function meetsSurvivalBar(checked: number, survived: number): boolean {
  // Integer comparison: survived / checked >= 999 / 1000 without floating-point error.
  return checked > 0 && survived * 1000 >= checked * 999;
}

/** A check verifies an install when it looked at assets and they met the survival bar. */
export function isVerifyingCheck(check: { assetsChecked: number; assetsSurvived: number }): boolean {
  return meetsSurvivalBar(check.assetsChecked, check.assetsSurvived);
}

/**
 * When an install becomes verified after a new check: the earliest verifying
 * check, never before the install started. Returns the current value when the
 * check changes nothing.
 */
export function nextVerifiedAt(
  install: { startedAt: Date; verifiedAt: Date | null },
  check: { checkedAt: Date; assetsChecked: number; assetsSurvived: number },
): Date | null {
  if (!isVerifyingCheck(check) || check.checkedAt < install.startedAt) return install.verifiedAt;
  if (install.verifiedAt && install.verifiedAt <= check.checkedAt) return install.verifiedAt;
  return check.checkedAt;
}

/** TTI: verified at - started at, in seconds; null until verified. */
export function ttiSeconds(install: { startedAt: Date; verifiedAt: Date | null }): number | null {
  if (!install.verifiedAt) return null;
  return Math.max(0, (install.verifiedAt.getTime() - install.startedAt.getTime()) / 1000);
}

export function meetsTtiBar(stack: Stack, seconds: number): boolean {
  return seconds <= TTI_BAR_SECONDS[stack];
}

export interface TtiSummary {
  started: number;
  verified: number;
  p50Seconds: number | null;
  p95Seconds: number | null;
}

/** The same numbers the SQL rollup stores, for a list of installs (pure). */
export function summarizeTti(list: readonly { startedAt: Date; verifiedAt: Date | null }[]): TtiSummary {
  const ttis = list.map(ttiSeconds).filter((v): v is number => v !== null);
  return { started: list.length, verified: ttis.length, p50Seconds: percentile(ttis, 0.5), p95Seconds: percentile(ttis, 0.95) };
}

/** Monday 00:00 UTC of the ISO week containing `d`, as YYYY-MM-DD (what date_trunc('week') gives). */
export function weekStartOf(d: Date): string {
  const day = (d.getUTCDay() + 6) % 7; // Monday = 0
  const monday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day));
  return monday.toISOString().slice(0, 10);
}

/** Start of a survival window: `days` whole days back from `now`. */
export function windowStart(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

export interface SurvivalTotals {
  checked: number;
  survived: number;
  embedded: number;
  remote: number;
}

/** Adds up checks that fall in [from, to). */
export function totalsBetween(
  checks: readonly { checkedAt: Date; assetsChecked: number; assetsSurvived: number; survivedEmbedded: number; survivedRemote: number }[],
  from: Date,
  to: Date,
): SurvivalTotals & { checks: number } {
  const out = { checks: 0, checked: 0, survived: 0, embedded: 0, remote: 0 };
  for (const c of checks) {
    if (c.checkedAt < from || c.checkedAt >= to) continue;
    out.checks += 1;
    out.checked += c.assetsChecked;
    out.survived += c.assetsSurvived;
    out.embedded += c.survivedEmbedded;
    out.remote += c.survivedRemote;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Alerts: a partner crossing a bar
// ---------------------------------------------------------------------------

export type AlertKind = "survival" | "tti";

export interface QualityAlert {
  kind: AlertKind;
  partnerId: string;
  stack: Stack | "all";
  /** What was measured: a survival rate (0..1) or a p50 TTI in seconds. */
  value: number;
  bar: number;
  /** How much evidence stands behind it (assets checked, or verified installs). */
  basis: number;
}

/**
 * Partners below the survival bar over a window (all stacks together), and
 * partners whose p50 TTI on a stack is over that stack's bar. A partner needs
 * `minAssets` checked assets or `minInstalls` verified installs before an
 * alert is raised, so one unlucky check does not page anyone.
 */
export function evaluateAlerts(input: {
  survival: readonly { partnerId: string; assetsChecked: number; assetsSurvived: number }[];
  tti: readonly { partnerId: string; stack: Stack; installsVerified: number; p50Seconds: number | null }[];
  minAssets?: number;
  minInstalls?: number;
}): QualityAlert[] {
  const minAssets = input.minAssets ?? 20;
  const minInstalls = input.minInstalls ?? 3;
  const alerts: QualityAlert[] = [];
  for (const s of input.survival) {
    if (s.assetsChecked < minAssets || meetsSurvivalBar(s.assetsChecked, s.assetsSurvived)) continue;
    alerts.push({ kind: "survival", partnerId: s.partnerId, stack: "all", value: s.assetsSurvived / s.assetsChecked, bar: SURVIVAL_BAR, basis: s.assetsChecked });
  }
  for (const t of input.tti) {
    if (t.p50Seconds === null || t.installsVerified < minInstalls || meetsTtiBar(t.stack, t.p50Seconds)) continue;
    alerts.push({ kind: "tti", partnerId: t.partnerId, stack: t.stack, value: t.p50Seconds, bar: TTI_BAR_SECONDS[t.stack], basis: t.installsVerified });
  }
  return alerts.sort((a, b) => (a.kind === b.kind ? severity(b) - severity(a) : a.kind === "survival" ? -1 : 1));
}

function severity(a: QualityAlert): number {
  return a.kind === "survival" ? a.bar - a.value : a.value / a.bar;
}

/** "98.72%"; survival shown with two decimals so 99.9% and 99.89% differ. */
export function formatRate(rate: number | null): string {
  if (rate === null) return "—";
  const pct = Math.floor(rate * 10000) / 100;
  return `${pct.toFixed(2)}%`;
}

/** "12 min", "3.5 h", "2.1 d". */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return "—";
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  if (seconds < 36 * 3600) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86400).toFixed(1)} d`;
}

/** Public CAI Verify link for an asset (the program's proof links). */
export function caiVerifyLink(assetUrl: string): string {
  return `https://contentcredentials.org/verify?source=${encodeURIComponent(assetUrl)}`;
}
