"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions";
import { getPrincipal } from "@/lib/auth/guards";
import { declarePage, escalateViolation, markViolationFixed, removePage, resolveViolation, restoreBadge, revokeBadge } from "./manage";

export async function declarePageAction(partnerId: string, input: unknown): Promise<ActionResult<{ url: string }>> {
  return runAction(async () => {
    const row = await declarePage({ principal: await getPrincipal(), partnerId, input, now: new Date() });
    revalidatePath("/console/badges");
    return { url: row.url };
  }, "Page declared: it is scanned within the hour");
}

export async function removePageAction(partnerId: string, pageId: string): Promise<ActionResult> {
  return runAction(async () => {
    await removePage({ principal: await getPrincipal(), partnerId, pageId, now: new Date() });
    revalidatePath("/console/badges");
    return null;
  }, "Page removed");
}

export async function markViolationFixedAction(partnerId: string, violationId: string): Promise<ActionResult> {
  return runAction(async () => {
    await markViolationFixed({ principal: await getPrincipal(), partnerId, violationId, now: new Date() });
    revalidatePath("/console/badges");
    return null;
  }, "Marked fixed: the page is scanned again on the next run");
}

export async function resolveViolationAction(violationId: string, input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    await resolveViolation({ principal: await getPrincipal(), violationId, input, now: new Date() });
    revalidatePath("/admin/badges");
    return null;
  }, "Violation resolved");
}

export async function escalateViolationAction(violationId: string, input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const { reason, badgeId } = (input ?? {}) as { reason?: unknown; badgeId?: unknown };
    await escalateViolation({ principal: await getPrincipal(), violationId, badgeId: typeof badgeId === "string" ? badgeId : null, input: { reason }, now: new Date() });
    revalidatePath("/admin/badges");
    return null;
  }, "Escalated: the badge is revoked");
}

export async function revokeBadgeAction(badgeId: string, input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    await revokeBadge({ principal: await getPrincipal(), badgeId, input, now: new Date() });
    revalidatePath("/admin/badges");
    return null;
  }, "Badge revoked");
}

export async function restoreBadgeAction(badgeId: string): Promise<ActionResult> {
  return runAction(async () => {
    await restoreBadge({ principal: await getPrincipal(), badgeId, now: new Date() });
    revalidatePath("/admin/badges");
    return null;
  }, "Badge restored");
}
