"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { runAction, type ActionResult } from "@/lib/actions";
import { getPrincipal } from "@/lib/auth/guards";
import { publishVersion } from "./publish";
import { signAgreements } from "./sign-agreements";
import { ipFromHeaders } from "@/lib/client-ip";

export async function signAgreementsAction(partnerId: string, input: unknown): Promise<ActionResult<{ receiptId: string }>> {
  return runAction(async () => {
    const h = await headers();
    const ip = ipFromHeaders(h);
    const { receiptId } = await signAgreements({
      principal: await getPrincipal(),
      partnerId,
      input,
      context: { ip, userAgent: h.get("user-agent") ?? "unknown" },
      now: new Date(),
    });
    revalidatePath("/console", "layout");
    return { receiptId };
  }, "Signed. Your receipt is on its way by email and can be downloaded below.");
}

export async function publishVersionAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    await publishVersion({ principal: await getPrincipal(), input, now: new Date() });
    revalidatePath("/admin/legal");
    revalidatePath("/program", "layout");
    return null;
  }, "Published.");
}
