"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions";
import { getPrincipal } from "@/lib/auth/guards";
import { extendDeal, setDealStage } from "./manage-deal";
import { registerDeal } from "./register-deal";
import { resolveConflict } from "./resolve-conflict";

export async function registerDealAction(partnerId: string, input: unknown): Promise<ActionResult<{ id: string; conflict: boolean }>> {
  return runAction(async () => {
    const { deal, conflict } = await registerDeal({ principal: await getPrincipal(), partnerId, input, now: new Date() });
    revalidatePath("/console/deals");
    return { id: deal.id, conflict };
  }, "Deal registered");
}

export async function resolveConflictAction(conflictId: string, input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    await resolveConflict({ principal: await getPrincipal(), conflictId, input, now: new Date() });
    revalidatePath("/admin/deals");
    return null;
  }, "Conflict resolved");
}

export async function extendDealAction(dealId: string, input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    await extendDeal({ principal: await getPrincipal(), dealId, input, now: new Date() });
    revalidatePath("/admin/deals");
    return null;
  }, "Protection extended");
}

export async function setDealStageAction(dealId: string, input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    await setDealStage({ principal: await getPrincipal(), dealId, input, now: new Date() });
    revalidatePath("/admin/deals");
    return null;
  }, "Deal updated");
}
