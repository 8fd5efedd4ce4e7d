import "server-only";
import { stringify } from "csv-stringify/sync";
import { getDb } from "@/db/client";
import { audit } from "@/lib/audit/audit";
import { actorOf } from "@/lib/auth/actor";
import { assertPartner, type Principal } from "@/lib/auth/permissions";
import { AppError, notFound } from "@/lib/errors";
import { safeCell } from "@/lib/csv/csv";
import { buildPackage, type PackageFile } from "@/lib/evidence/package-builder";
import { findPartner } from "@/lib/partners/store";
import { buildReportData } from "./report-data";
import { renderReportHtml } from "./report-html";
import { assetsOfChecks, checksBetween, findInstall, insertExport, installsOfPartner, type CheckAssetRow, type CheckRow, type InstallRow } from "./store";

// Evidence Packs: an install's (or a whole partner's) survival evidence as a
// zip for SOC 2 auditors — checks as CSV and JSON, per-asset results, the
// Survival Report(s) as HTML, a README, and manifest.json with every file's
// SHA-256 (lib/evidence/package-builder.ts). Every export is recorded and
// counted: the Auditor track and the Compliance Pro badge read the count.

export const PACK_PERIOD_DAYS = 90;
const DAY_MS = 86_400_000;

/** CSV through csv-stringify, every cell through the shared formula guard (lib/csv). */
function csv(rows: Record<string, unknown>[], columns: string[]): string {
  return stringify(rows.map((r) => columns.map((c) => safeCell(r[c]))), { header: true, columns });
}

const CHECK_COLUMNS = ["check_id", "install_id", "customer", "stack", "checked_at", "assets_checked", "assets_survived", "survived_embedded", "survived_remote", "errors", "survival", "source", "note"];
const ASSET_COLUMNS = ["check_id", "install_id", "position", "url", "survived", "method", "reason", "detail", "http_status", "bytes", "duration_ms", "manifest_url"];

function checkRecord(c: CheckRow, install: InstallRow) {
  return {
    check_id: c.id,
    install_id: c.installId,
    customer: install.customerName,
    stack: c.stack,
    checked_at: c.checkedAt,
    assets_checked: c.assetsChecked,
    assets_survived: c.assetsSurvived,
    survived_embedded: c.survivedEmbedded,
    survived_remote: c.survivedRemote,
    errors: c.errors,
    survival: c.assetsChecked ? (c.assetsSurvived / c.assetsChecked).toFixed(6) : "",
    source: c.source,
    note: c.note ?? "",
  };
}

function assetRecord(a: CheckAssetRow, installId: string) {
  return {
    check_id: a.checkId,
    install_id: installId,
    position: a.position,
    url: a.url,
    survived: a.survived,
    method: a.method ?? "",
    reason: a.reason ?? "",
    detail: a.detail ?? "",
    http_status: a.httpStatus ?? "",
    bytes: a.bytes ?? "",
    duration_ms: a.durationMs ?? "",
    manifest_url: a.manifestUrl ?? "",
  };
}

export interface ExportedPack {
  exportId: string;
  filename: string;
  zip: Uint8Array;
}

export async function exportEvidencePack(args: {
  principal: Principal | null;
  partnerId: string;
  installId?: string | null;
  now: Date;
}): Promise<ExportedPack> {
  assertPartner(args.principal, "evidence:export", args.partnerId);
  const db = await getDb();
  const partner = await findPartner(db, args.partnerId);
  if (!partner) throw notFound("Partner");
  let list: InstallRow[];
  if (args.installId) {
    const install = await findInstall(db, args.installId);
    if (!install || install.partnerId !== args.partnerId) throw notFound("Install");
    list = [install];
  } else {
    list = await installsOfPartner(db, args.partnerId, args.now);
  }
  if (!list.length) throw new AppError({ code: "unprocessable", message: "There are no installs to export evidence for yet" });
  const periodEnd = args.now;
  const periodStart = new Date(args.now.getTime() - PACK_PERIOD_DAYS * DAY_MS);
  const byId = new Map(list.map((i) => [i.id, i]));
  const checks = await checksBetween(db, list.map((i) => i.id), periodStart, periodEnd);
  const assets = await assetsOfChecks(db, checks.map((c) => c.id));
  const installOfCheck = new Map(checks.map((c) => [c.id, c.installId]));

  const files: PackageFile[] = [
    { path: "checks.csv", content: csv(checks.map((c) => checkRecord(c, byId.get(c.installId)!)), CHECK_COLUMNS) },
    { path: "checks.json", content: JSON.stringify(checks.map((c) => checkRecord(c, byId.get(c.installId)!)), null, 2) + "\n" },
    { path: "assets.csv", content: csv(assets.map((a) => assetRecord(a, installOfCheck.get(a.checkId)!)), ASSET_COLUMNS) },
    {
      path: "installs.csv",
      content: csv(
        list.map((i) => ({ install_id: i.id, customer: i.customerName, stack: i.stack, site_url: i.siteUrl, started_at: i.startedAt, verified_at: i.verifiedAt ?? "", source: i.source })),
        ["install_id", "customer", "stack", "site_url", "started_at", "verified_at", "source"],
      ),
    },
  ];
  for (const install of list) {
    const own = checks.filter((c) => c.installId === install.id);
    const ownIds = new Set(own.map((c) => c.id));
    const data = buildReportData({
      report: { id: `${install.id}-${periodEnd.toISOString().slice(0, 10)}`, periodStart, periodEnd, publishedAt: null },
      install,
      partner: { name: partner.name, slug: partner.slug },
      checks: own,
      assets: assets.filter((a) => ownIds.has(a.checkId)),
      fallbackUrls: install.sampleUrls,
    });
    files.push({ path: list.length === 1 ? "report.html" : `reports/${install.id}.html`, content: renderReportHtml(data, args.now) });
  }
  files.push({
    path: "README.txt",
    content: [
      `Evidence Pack — ${partner.name}${args.installId ? ` — install ${args.installId}` : ""}`,
      `Period: ${periodStart.toISOString()} to ${periodEnd.toISOString()} (${PACK_PERIOD_DAYS} days)`,
      `Generated: ${args.now.toISOString()}`,
      "",
      "checks.csv / checks.json  one row per survival check",
      "assets.csv                one row per checked asset (probed checks)",
      "installs.csv              the installs covered",
      list.length === 1 ? "report.html               the Survival Report for the period" : "reports/*.html            a Survival Report per install",
      "manifest.json             SHA-256 and size of every other file",
      "",
      "Verify: sha256sum each file and compare with manifest.json.",
      "",
    ].join("\n"),
  });

  const subject = { partnerId: partner.id, partnerName: partner.name, installId: args.installId ?? null, periodStart: periodStart.toISOString(), periodEnd: periodEnd.toISOString() };
  const built = buildPackage({ kind: "survival_evidence_pack", files, generatedAt: args.now, subject });
  const principal = args.principal!;
  const row = await db.transaction(async (tx) => {
    const row = await insertExport(tx, {
      partnerId: partner.id,
      installId: args.installId ?? null,
      periodStart,
      periodEnd,
      files: built.fileCount,
      bytes: built.zip.byteLength,
      manifestSha256: built.manifestSha256,
      manifest: built.manifest,
      checks: checks.length,
      createdByUserId: principal.kind === "user" ? principal.viewer.userId : null,
      createdAt: args.now,
    });
    await audit(tx, {
      actor: actorOf(principal),
      action: "evidence_pack.exported",
      object: { type: "evidence_export", id: row.id },
      partnerId: partner.id,
      after: { installId: args.installId ?? null, checks: checks.length, files: built.fileCount, manifestSha256: built.manifestSha256 },
      at: args.now,
    });
    return row;
  });
  const stamp = args.now.toISOString().slice(0, 10);
  return { exportId: row.id, filename: `evidence-pack-${partner.slug}${args.installId ? `-${args.installId}` : ""}-${stamp}.zip`, zip: built.zip };
}
