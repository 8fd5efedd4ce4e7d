"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { runAction, type ActionResult } from "@/lib/actions";
import { getPrincipal } from "@/lib/auth/guards";
import { assertAdmin } from "@/lib/auth/permissions";
import { createInstall } from "./installs";
import { createReport, setReportPublication } from "./reports";
import { runRollups } from "./rollups";
import { runCheckNow } from "./run-check";

export async function createInstallAction(partnerId: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const install = await createInstall({ principal: await getPrincipal(), partnerId, input, now: new Date() });
    revalidatePath("/console/installs");
    return { id: install.id };
  }, "Install added");
}

export async function checkNowAction(installId: string): Promise<ActionResult<{ checked: number; survived: number }>> {
  return runAction(async () => {
    const check = await runCheckNow({ principal: await getPrincipal(), installId, now: new Date() });
    revalidatePath(`/console/installs/${installId}`);
    revalidatePath(`/admin/quality/installs/${installId}`);
    return { checked: check.assetsChecked, survived: check.assetsSurvived };
  });
}

export async function createReportAction(installId: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const report = await createReport({ principal: await getPrincipal(), installId, input, now: new Date() });
    revalidatePath(`/console/installs/${installId}`);
    revalidatePath("/console/reports");
    return { id: report.id };
  }, "Report created");
}

export async function setReportPublishedAction(reportId: string, publish: boolean): Promise<ActionResult> {
  return runAction(async () => {
    await setReportPublication({ principal: await getPrincipal(), reportId, publish, now: new Date() });
    revalidatePath("/console/reports");
    revalidatePath(`/reports/${reportId}`);
    return null;
  }, publish ? "Report published" : "Report unpublished");
}

export async function runRollupsNowAction(): Promise<ActionResult> {
  return runAction(async () => {
    assertAdmin(await getPrincipal(), "quality:probe");
    await runRollups(await getDb(), new Date());
    revalidatePath("/admin/quality");
    return null;
  }, "Rollups rebuilt");
}
