import "server-only";
import { assertAdmin, assertPartner, canPartner, type Principal } from "@/lib/auth/permissions";
import { STACKS, type Stack } from "@/lib/partners/constants";
import { getInstallOrThrow } from "./installs";
import { evaluateAlerts, SURVIVAL_WINDOWS, TTI_BAR_SECONDS, weekStartOf } from "./rules";
import {
  countExports,
  installDaily,
  installWindows,
  lastRollupAt,
  listChecks,
  listReports,
  partnerNames,
  partnerRollupsForAlerts,
  programTotals,
  survivalDailyFor,
  survivalWindowsFor,
  ttiRollupsFor,
  ttiWeeklyFor,
  assetsOfChecks,
} from "./store";
import { getDb } from "@/db/client";

// Read models for the console and admin screens (plain objects for pages).

const DAY_MS = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export async function getInstallDetail(principal: Principal | null, installId: string, now: Date, page: number) {
  const install = await getInstallOrThrow(principal, installId);
  const [windows, daily, checks, reports] = await Promise.all([
    installWindows(install.id, now),
    installDaily(install.id, new Date(now.getTime() - 90 * DAY_MS)),
    listChecks(install.id, page, 20),
    install.partnerId ? listReports({ partnerId: install.partnerId, installId: install.id, page: 1, pageSize: 10 }) : Promise.resolve({ rows: [], total: 0 }),
  ]);
  const latest = checks.rows[0] && page === 1 ? checks.rows[0] : null;
  const latestAssets = latest ? await assetsOfChecks(await getDb(), [latest.id]) : [];
  const viewer = principal?.kind === "user" ? principal.viewer : null;
  const can = (a: Parameters<typeof canPartner>[1]) => Boolean(install.partnerId && viewer && canPartner(viewer, a, install.partnerId) && viewer.memberships.some((m) => m.partnerId === install.partnerId));
  return {
    install,
    windows,
    daily,
    checks,
    latest,
    latestAssets,
    reports: reports.rows,
    can: {
      runCheck: can("checks:run") || Boolean(viewer?.isAdmin),
      createReport: can("installs:write"),
      publish: can("reports:publish"),
      export: can("evidence:export"),
    },
  };
}

export interface StackTti {
  stack: Stack;
  bar: number;
  mine: { started: number; verified: number; p50: number | null; p95: number | null } | null;
  program: { p50: number | null; p95: number | null; verified: number } | null;
  selfServe: { p50: number | null; p95: number | null; verified: number } | null;
}

function ttiTable(rows: Awaited<ReturnType<typeof ttiRollupsFor>>, owner: string | null): StackTti[] {
  const find = (o: string, s: string) => rows.find((r) => r.owner === o && r.stack === s);
  return STACKS.map((stack) => {
    const m = owner ? find(owner, stack) : undefined;
    const p = find("program", stack);
    const s = find("self_serve", stack);
    return {
      stack,
      bar: TTI_BAR_SECONDS[stack],
      mine: m ? { started: m.installsStarted, verified: m.installsVerified, p50: m.p50Seconds, p95: m.p95Seconds } : null,
      program: p ? { p50: p.p50Seconds, p95: p.p95Seconds, verified: p.installsVerified } : null,
      selfServe: s ? { p50: s.p50Seconds, p95: s.p95Seconds, verified: s.installsVerified } : null,
    };
  });
}

function windowsOf(rows: Awaited<ReturnType<typeof survivalWindowsFor>>, owner: string, stack: string) {
  return SURVIVAL_WINDOWS.map((days) => {
    const r = rows.find((x) => x.owner === owner && x.stack === stack && x.windowDays === days);
    return { days, checks: r?.checks ?? 0, checked: r ? Number(r.assetsChecked) : 0, survived: r ? Number(r.assetsSurvived) : 0 };
  });
}

/** A day-by-day series over the last `days`, with gaps as nulls. */
function dailySeries(rows: { day: string; assetsChecked: number; assetsSurvived: number; stack: string }[], stacks: string[], now: Date, days: number) {
  const out: Record<string, string | number | null>[] = [];
  for (let i = days - 1; i >= 0; i--) {
    const day = isoDay(new Date(now.getTime() - i * DAY_MS));
    const point: Record<string, string | number | null> = { day };
    for (const s of stacks) {
      const r = rows.find((x) => x.day === day && x.stack === s);
      point[s] = r && Number(r.assetsChecked) > 0 ? Number(r.assetsSurvived) / Number(r.assetsChecked) : null;
    }
    out.push(point);
  }
  return out;
}

export async function getPartnerQuality(principal: Principal | null, partnerId: string, now: Date) {
  assertPartner(principal, "installs:read", partnerId);
  const fromDay = isoDay(new Date(now.getTime() - 90 * DAY_MS));
  const fromWeek = weekStartOf(new Date(now.getTime() - 26 * 7 * DAY_MS));
  const [tti, windows, daily, weekly, exports, rolledAt] = await Promise.all([
    ttiRollupsFor([partnerId, "program", "self_serve"]),
    survivalWindowsFor([partnerId, "program"]),
    survivalDailyFor([partnerId], ["all", ...STACKS], fromDay),
    ttiWeeklyFor(partnerId, "all", fromWeek),
    countExports(partnerId),
    lastRollupAt(),
  ]);
  const mine = tti.find((r) => r.owner === partnerId && r.stack === "all");
  return {
    rolledAt,
    totals: { started: mine?.installsStarted ?? 0, verified: mine?.installsVerified ?? 0, p50: mine?.p50Seconds ?? null, p95: mine?.p95Seconds ?? null },
    windows: windowsOf(windows, partnerId, "all"),
    programWindows: windowsOf(windows, "program", "all"),
    byStack: STACKS.map((stack) => ({ stack, windows: windowsOf(windows, partnerId, stack) })).filter((s) => s.windows.some((w) => w.checked > 0)),
    tti: ttiTable(tti, partnerId),
    daily: dailySeries(daily.map((d) => ({ ...d, assetsChecked: Number(d.assetsChecked), assetsSurvived: Number(d.assetsSurvived) })), ["all"], now, 90),
    weekly: weekly.map((w) => ({ week: w.weekStart, p50: w.p50Seconds, p95: w.p95Seconds, n: w.installsVerified })),
    exports,
  };
}

export async function getAdminQuality(principal: Principal | null, now: Date) {
  assertAdmin(principal, "quality:read");
  const fromDay = isoDay(new Date(now.getTime() - 90 * DAY_MS));
  const [tti, windows, daily, totals, rolledAt, forAlerts] = await Promise.all([
    ttiRollupsFor(["program", "self_serve"]),
    survivalWindowsFor(["program", "self_serve"]),
    survivalDailyFor(["program"], ["all", ...STACKS], fromDay),
    programTotals(),
    lastRollupAt(),
    partnerRollupsForAlerts(),
  ]);
  const alerts = evaluateAlerts(forAlerts);
  const names = await partnerNames([...new Set(alerts.map((a) => a.partnerId))]);
  return {
    rolledAt,
    totals,
    tti: ttiTable(tti, null),
    survivalByStack: STACKS.map((stack) => ({ stack, program: windowsOf(windows, "program", stack), selfServe: windowsOf(windows, "self_serve", stack) })),
    survivalAll: { program: windowsOf(windows, "program", "all"), selfServe: windowsOf(windows, "self_serve", "all") },
    daily: dailySeries(daily.map((d) => ({ ...d, assetsChecked: Number(d.assetsChecked), assetsSurvived: Number(d.assetsSurvived) })), [...STACKS], now, 90),
    alerts: alerts.map((a) => ({ ...a, partner: names.get(a.partnerId) ?? { name: a.partnerId, slug: "" } })),
  };
}
