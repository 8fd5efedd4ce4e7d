import { escapeHtml } from "@/lib/email/templates";
import { STACK_LABELS, type Stack } from "@/lib/partners/constants";
import type { ReportData } from "./report-data";
import { formatRate, SURVIVAL_BAR } from "./rules";

// A self-contained, printable HTML copy of a Survival Report for Evidence
// Packs (no scripts, no external resources).

const d = (x: Date | null) => (x ? x.toISOString().replace("T", " ").slice(0, 16) + " UTC" : "—");

export function renderReportHtml(r: ReportData, generatedAt: Date): string {
  const rows = r.checks
    .map(
      (c) =>
        `<tr><td>${escapeHtml(d(c.checkedAt))}</td><td>${c.assetsChecked}</td><td>${c.assetsSurvived}</td><td>${c.survivedEmbedded}</td><td>${c.survivedRemote}</td><td>${c.errors}</td><td>${formatRate(c.rate)}</td><td>${escapeHtml(c.note ?? "")}</td></tr>`,
    )
    .join("\n");
  const assets = r.sampled
    .map(
      (a) =>
        `<tr><td class="mono">${escapeHtml(a.url)}</td><td>${a.lastSurvived === null ? "—" : a.lastSurvived ? `Survived (${escapeHtml(a.lastMethod ?? "")})` : `Failed (${escapeHtml(a.lastReason ?? "")})`}</td><td><a href="${escapeHtml(a.verifyUrl)}">${escapeHtml(a.verifyUrl)}</a></td></tr>`,
    )
    .join("\n");
  const meets = r.totals.rate !== null && r.totals.rate >= SURVIVAL_BAR;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Survival Report ${escapeHtml(r.id)}</title>
<style>body{font:14px/1.5 system-ui,sans-serif;color:#0f172a;margin:32px}h1{font-size:22px;margin:0 0 4px}table{border-collapse:collapse;width:100%;margin:12px 0 24px}th,td{border:1px solid #cbd5e1;padding:4px 8px;text-align:left;vertical-align:top}th{background:#f1f5f9}.mono{font-family:ui-monospace,monospace;font-size:12px;word-break:break-all}.muted{color:#475569}</style>
</head><body>
<h1>Survival Report — ${escapeHtml(r.install.customerName)}</h1>
<p class="muted">Report ${escapeHtml(r.id)} · install ${escapeHtml(r.install.id)} · ${escapeHtml(STACK_LABELS[r.install.stack as Stack] ?? r.install.stack)} · ${escapeHtml(r.install.siteUrl)}${r.partner ? ` · set up by ${escapeHtml(r.partner.name)}` : ""}</p>
<p>Period: ${escapeHtml(d(r.periodStart))} to ${escapeHtml(d(r.periodEnd))}. Generated ${escapeHtml(d(generatedAt))}.</p>
<table><tr><th>Survival</th><th>Checks</th><th>Assets checked</th><th>Survived</th><th>Embedded</th><th>Remote manifest</th><th>Errors</th><th>Bar (99.9%)</th></tr>
<tr><td><strong>${formatRate(r.totals.rate)}</strong></td><td>${r.totals.checks}</td><td>${r.totals.checked}</td><td>${r.totals.survived}</td><td>${r.totals.embedded}</td><td>${r.totals.remote}</td><td>${r.totals.errors}</td><td>${r.totals.rate === null ? "—" : meets ? "Met" : "Not met"}</td></tr></table>
<h2>Sampled assets</h2>
<table><tr><th>Asset</th><th>Latest result</th><th>CAI Verify</th></tr>
${assets || '<tr><td colspan="3">No sampled assets</td></tr>'}</table>
<h2>Checks</h2>
<table><tr><th>Checked at</th><th>Checked</th><th>Survived</th><th>Embedded</th><th>Remote</th><th>Errors</th><th>Survival</th><th>Note</th></tr>
${rows || '<tr><td colspan="8">No checks in this period</td></tr>'}</table>
<p class="muted">Survival = assets whose Content Credentials were recoverable (an embedded manifest, or a Link rel="c2pa-manifest" that resolved) ÷ assets checked.</p>
</body></html>
`;
}
