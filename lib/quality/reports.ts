import "server-only";
import { getDb } from "@/db/client";
import { audit } from "@/lib/audit/audit";
import { actorOf } from "@/lib/auth/actor";
import { assertPartner, type Principal } from "@/lib/auth/permissions";
import { AppError, conflict, notFound, parseOrThrow } from "@/lib/errors";
import { findPartner } from "@/lib/partners/store";
import { assertInstallAccess } from "./access";
import { buildReportData, type ReportData } from "./report-data";
import { createReportSchema } from "./schemas";
import { assetsOfChecks, checkTotals, checksBetween, findInstall, findReport, insertReport, lockReport, setReportPublished, type ReportRow } from "./store";

const DAY_MS = 86_400_000;

/** A draft Survival Report for an install over the last 7, 30 or 90 days. */
export async function createReport(args: { principal: Principal | null; installId: string; input: unknown; now: Date }): Promise<ReportRow> {
  const db = await getDb();
  const install = await findInstall(db, args.installId);
  if (!install) throw notFound("Install");
  assertInstallAccess(args.principal, install, "installs:write");
  if (!install.partnerId) throw notFound("Install");
  const { periodDays } = parseOrThrow(createReportSchema, args.input);
  return db.transaction(async (tx) => {
    const periodStart = new Date(args.now.getTime() - periodDays * DAY_MS);
    const report = await insertReport(tx, {
      installId: install.id,
      partnerId: install.partnerId!,
      periodStart,
      periodEnd: args.now,
      ...(await checkTotals(tx, install.id, periodStart, args.now)),
      createdByUserId: args.principal?.kind === "user" ? args.principal.viewer.userId : null,
      createdAt: args.now,
    });
    await audit(tx, {
      actor: actorOf(args.principal!),
      action: "survival_report.created",
      object: { type: "survival_report", id: report.id },
      partnerId: report.partnerId,
      after: { installId: install.id, periodDays },
      at: args.now,
    });
    return report;
  });
}

/** Publishes or unpublishes a report (owners decide what goes public). */
export async function setReportPublication(args: { principal: Principal | null; reportId: string; publish: boolean; now: Date }): Promise<ReportRow> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const report = await lockReport(tx, args.reportId);
    if (!report) throw notFound("Report");
    try {
      assertPartner(args.principal, "reports:publish", report.partnerId);
    } catch (error) {
      if (error instanceof AppError && error.code === "forbidden" && !(args.principal?.kind === "user" && args.principal.viewer.memberships.some((m) => m.partnerId === report.partnerId))) {
        throw notFound("Report");
      }
      throw error;
    }
    if (Boolean(report.publishedAt) === args.publish) throw conflict(args.publish ? "This report is already published" : "This report is not published");
    const publishedAt = args.publish ? args.now : null;
    const stated = args.publish ? await checkTotals(tx, report.installId, report.periodStart, report.periodEnd) : undefined;
    await setReportPublished(tx, report.id, publishedAt, stated);
    await audit(tx, {
      actor: actorOf(args.principal!),
      action: args.publish ? "survival_report.published" : "survival_report.unpublished",
      object: { type: "survival_report", id: report.id },
      partnerId: report.partnerId,
      before: { publishedAt: report.publishedAt?.toISOString() ?? null },
      after: { publishedAt: publishedAt?.toISOString() ?? null },
      at: args.now,
    });
    return { ...report, publishedAt };
  });
}

export async function loadReportData(report: ReportRow): Promise<ReportData> {
  const db = await getDb();
  const install = await findInstall(db, report.installId);
  if (!install) throw notFound("Report");
  const [partner, checks] = await Promise.all([findPartner(db, report.partnerId), checksBetween(db, [install.id], report.periodStart, report.periodEnd)]);
  const assets = await assetsOfChecks(db, checks.map((c) => c.id));
  return buildReportData({
    report,
    install,
    partner: partner ? { name: partner.name, slug: partner.slug } : null,
    checks,
    assets,
    fallbackUrls: install.sampleUrls,
  });
}

/** A published report for the public page; null (404) for drafts and unknown ids. */
export async function getPublishedReport(id: string): Promise<ReportData | null> {
  const report = await findReport(await getDb(), id);
  if (!report?.publishedAt) return null;
  return loadReportData(report);
}

/** A report for its partner's console (drafts included). */
export async function getReportForConsole(principal: Principal | null, id: string): Promise<ReportData> {
  const report = await findReport(await getDb(), id);
  if (!report) throw notFound("Report");
  try {
    assertPartner(principal, "installs:read", report.partnerId);
  } catch (error) {
    if (error instanceof AppError && error.code === "forbidden") throw notFound("Report");
    throw error;
  }
  return loadReportData(report);
}
