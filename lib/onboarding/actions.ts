"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions";
import { getPrincipal } from "@/lib/auth/guards";
import { dismissOnboarding } from "./onboarding";

export async function dismissOnboardingAction(partnerId: string): Promise<ActionResult> {
  return runAction(async () => {
    await dismissOnboarding({ principal: await getPrincipal(), partnerId, now: new Date() });
    revalidatePath("/console");
    return null;
  }, "Checklist dismissed");
}
