import { caiVerifyLink, survivalRate } from "./rules";

// What a Survival Report shows, built from plain rows (pure): used by the
// public page, the console preview and the Evidence Pack's report.html.

export interface ReportInput {
  report: { id: string; periodStart: Date; periodEnd: Date; publishedAt: Date | null };
  install: { id: string; stack: string; siteUrl: string; customerName: string; startedAt: Date; verifiedAt: Date | null };
  partner: { name: string; slug: string } | null;
  checks: { id: string; checkedAt: Date; assetsChecked: number; assetsSurvived: number; survivedEmbedded: number; survivedRemote: number; errors: number; source: string; note: string | null }[];
  assets: { checkId: string; url: string; survived: boolean; method: string | null; reason: string | null }[];
  fallbackUrls: string[];
}

export interface ReportData {
  id: string;
  periodStart: Date;
  periodEnd: Date;
  publishedAt: Date | null;
  install: ReportInput["install"];
  partner: ReportInput["partner"];
  totals: { checks: number; checked: number; survived: number; embedded: number; remote: number; errors: number; rate: number | null };
  checks: (ReportInput["checks"][number] & { rate: number | null })[];
  sampled: { url: string; verifyUrl: string; lastSurvived: boolean | null; lastMethod: string | null; lastReason: string | null }[];
  daily: { day: string; rate: number | null; checked: number }[];
}

export const MAX_SAMPLED_ASSETS = 12;

export function buildReportData(input: ReportInput): ReportData {
  const totals = { checks: 0, checked: 0, survived: 0, embedded: 0, remote: 0, errors: 0, rate: null as number | null };
  const days = new Map<string, { checked: number; survived: number }>();
  for (const c of input.checks) {
    totals.checks += 1;
    totals.checked += c.assetsChecked;
    totals.survived += c.assetsSurvived;
    totals.embedded += c.survivedEmbedded;
    totals.remote += c.survivedRemote;
    totals.errors += c.errors;
    const day = c.checkedAt.toISOString().slice(0, 10);
    const d = days.get(day) ?? { checked: 0, survived: 0 };
    d.checked += c.assetsChecked;
    d.survived += c.assetsSurvived;
    days.set(day, d);
  }
  totals.rate = survivalRate(totals.checked, totals.survived);
  // The latest result per asset URL (checks come oldest first).
  const order = new Map(input.checks.map((c, i) => [c.id, i]));
  const latest = new Map<string, ReportInput["assets"][number]>();
  for (const a of [...input.assets].sort((x, y) => (order.get(x.checkId) ?? 0) - (order.get(y.checkId) ?? 0))) latest.set(a.url, a);
  const urls = latest.size ? [...latest.keys()] : input.fallbackUrls;
  return {
    id: input.report.id,
    periodStart: input.report.periodStart,
    periodEnd: input.report.periodEnd,
    publishedAt: input.report.publishedAt,
    install: input.install,
    partner: input.partner,
    totals,
    checks: [...input.checks].reverse().map((c) => ({ ...c, rate: survivalRate(c.assetsChecked, c.assetsSurvived) })),
    sampled: urls.slice(0, MAX_SAMPLED_ASSETS).map((url) => {
      const a = latest.get(url);
      return { url, verifyUrl: caiVerifyLink(url), lastSurvived: a ? a.survived : null, lastMethod: a?.method ?? null, lastReason: a?.reason ?? null };
    }),
    daily: [...days].sort(([a], [b]) => a.localeCompare(b)).map(([day, d]) => ({ day, checked: d.checked, rate: survivalRate(d.checked, d.survived) })),
  };
}
