"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions";
import { getPrincipal } from "@/lib/auth/guards";
import { reviewHold } from "./review-hold";

export async function reviewHoldAction(commissionId: string, input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    await reviewHold({ principal: await getPrincipal(), commissionId, input, now: new Date() });
    revalidatePath("/admin/fraud");
    revalidatePath("/admin/commissions");
    return null;
  }, "Decision recorded");
}
